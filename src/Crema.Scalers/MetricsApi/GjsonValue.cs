using System.Globalization;
using System.Text.Json;

namespace Crema.Scalers.MetricsApi;

/// <summary>
/// One GJSON result: nothing (a path that matched nothing), a value of the document, an array GJSON
/// builds (<c>friends.#.age</c>, <c>#(...)#</c>), a number it computes (<c>#</c>) or a boolean (a <c>~</c> query).
/// </summary>
internal readonly struct GjsonValue
{
    private readonly ValueKind kind;
    private readonly JsonElement element;
    private readonly IReadOnlyList<GjsonValue>? items;
    private readonly double number;

    private GjsonValue(ValueKind kind, JsonElement element = default, IReadOnlyList<GjsonValue>? items = null, double number = 0)
    {
        this.kind = kind;
        this.element = element;
        this.items = items;
        this.number = number;
    }

    private enum ValueKind
    {
        Missing,
        Element,
        Built,
        Computed,
        Boolean,
    }

    /// <summary>Nothing matched.</summary>
    public static GjsonValue Missing => default;

    /// <summary>True unless nothing matched (JSON null exists).</summary>
    public bool Exists => kind != ValueKind.Missing;

    public GjsonType Type => kind switch
    {
        ValueKind.Missing => GjsonType.Null,
        ValueKind.Built => GjsonType.Json,
        ValueKind.Computed => GjsonType.Number,
        ValueKind.Boolean => number != 0 ? GjsonType.True : GjsonType.False,
        _ => element.ValueKind switch
        {
            JsonValueKind.Object or JsonValueKind.Array => GjsonType.Json,
            JsonValueKind.String => GjsonType.String,
            JsonValueKind.Number => GjsonType.Number,
            JsonValueKind.True => GjsonType.True,
            JsonValueKind.False => GjsonType.False,
            _ => GjsonType.Null,
        },
    };

    public bool IsArray => kind == ValueKind.Built || (kind == ValueKind.Element && element.ValueKind == JsonValueKind.Array);

    public bool IsObject => kind == ValueKind.Element && element.ValueKind == JsonValueKind.Object;

    /// <summary>A JSON number's value (a huge literal reads as infinity, as Go's ParseFloat gives), or a computed count.</summary>
    public double Number => kind == ValueKind.Computed
        ? number
        : double.Parse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);

    public string String => element.GetString() ?? "";

    public static GjsonValue Of(JsonElement element) => new(ValueKind.Element, element);

    public static GjsonValue Array(IReadOnlyList<GjsonValue> items) => new(ValueKind.Built, items: items);

    public static GjsonValue Count(int count) => new(ValueKind.Computed, number: count);

    public static GjsonValue Boolean(bool value) => new(ValueKind.Boolean, number: value ? 1 : 0);

    /// <summary>An array's items in order; nothing for other values.</summary>
    public IEnumerable<GjsonValue> Items() =>
        kind == ValueKind.Built ? items!
        : IsArray ? element.EnumerateArray().Select(Of)
        : [];

    public int ItemCount => kind == ValueKind.Built ? items!.Count : IsArray ? element.GetArrayLength() : 0;

    /// <summary>An object's members in document order (duplicates kept, as GJSON scans them); nothing for other values.</summary>
    public IEnumerable<(string Name, GjsonValue Value)> Members() =>
        IsObject ? element.EnumerateObject().Select(p => (p.Name, Of(p.Value))) : [];

    /// <summary>What a message calls this value.</summary>
    public string Describe() => Type switch
    {
        GjsonType.Null => "null",
        GjsonType.True => "true",
        GjsonType.False => "false",
        GjsonType.Json => IsObject ? "an object" : "an array",
        GjsonType.Number => "a number",
        _ => "a string",
    };
}
