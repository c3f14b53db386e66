using System.Globalization;
using Crema.Core.Configuration.Binding;
using Crema.Core.Expressions;

namespace Crema.Core.Configuration.Validation;

/// <summary>scalingModifiers.formula must parse and use only the names of the object's triggers (cpu/memory excluded, as KEDA).</summary>
internal sealed class FormulaValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var (scaledObject, path) in context.ScaledObjects())
        {
            var text = scaledObject.Spec.Advanced?.ScalingModifiers?.Formula;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            var formulaPath = path + ".spec.advanced.scalingModifiers.formula";
            Formula formula;
            try
            {
                formula = Formula.Parse(text);
            }
            catch (FormulaException ex)
            {
                context.Error(formulaPath, $"invalid formula at character {(ex.Position + 1).ToString(CultureInfo.InvariantCulture)}: {ex.Message}");
                continue;
            }
            CheckVariables(context, scaledObject, formula, formulaPath);
        }
    }

    private static void CheckVariables(ValidationContext context, ScaledObject scaledObject, Formula formula, string formulaPath)
    {
        var names = scaledObject.Spec.Triggers
            .Where(t => !string.IsNullOrEmpty(t.Name) && t.Type is not ("cpu" or "memory"))
            .Select(t => t.Name!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var variable in formula.Variables.Where(v => !names.Contains(v, StringComparer.Ordinal)))
        {
            var message = names.Count == 0
                ? $"the formula uses \"{variable}\", but no trigger has a name; set triggers[].name"
                : $"the formula uses \"{variable}\", which is not the name of a trigger; trigger names: {string.Join(", ", names)}";
            var suggestion = NameSuggester.Closest(variable, names);
            context.Error(formulaPath, suggestion is null ? message : $"{message} (did you mean \"{suggestion}\"?)");
        }
    }
}
