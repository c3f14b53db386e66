// hclparse reads every *.tf file in a folder with HashiCorp's HCL parser (github.com/hashicorp/hcl/v2
// hclsyntax, from Debian's golang-github-hashicorp-hcl-v2-dev) and prints what a checker needs as JSON:
// each file's blocks (type, labels, position) and attributes (position, the variables they reference,
// the functions they call, and the value when it is a constant string, number or bool), and every parse
// diagnostic with its file, line and column. It evaluates nothing and knows nothing of Terraform.
//
// Usage: hclparse DIR   (exit code 0: parsed, 1: syntax errors, listed in "diagnostics"; 2: bad usage)
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

type output struct {
	Files       []file       `json:"files"`
	Diagnostics []diagnostic `json:"diagnostics"`
}

type file struct {
	Name string `json:"name"`
	Body body   `json:"body"`
}

type body struct {
	Attributes []attribute `json:"attributes"`
	Blocks     []block     `json:"blocks"`
}

type block struct {
	Type   string   `json:"type"`
	Labels []string `json:"labels"`
	Line   int      `json:"line"`
	Body   body     `json:"body"`
}

type attribute struct {
	Name       string      `json:"name"`
	Line       int         `json:"line"`
	References []reference `json:"references"`
	Functions  []function  `json:"functions"`
	Value      *string     `json:"value,omitempty"` // a constant string, number or bool, as text
}

// reference is one traversal: its root name, then an attribute name or "[]" (an index) per step.
type reference struct {
	Root  string   `json:"root"`
	Steps []string `json:"steps"`
	Line  int      `json:"line"`
}

type function struct {
	Name string `json:"name"`
	Line int    `json:"line"`
}

type diagnostic struct {
	Summary string `json:"summary"`
	Detail  string `json:"detail"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: hclparse DIR")
		os.Exit(2)
	}
	paths, err := filepath.Glob(filepath.Join(os.Args[1], "*.tf"))
	if err != nil || len(paths) == 0 {
		fmt.Fprintf(os.Stderr, "hclparse: no *.tf file in %s\n", os.Args[1])
		os.Exit(2)
	}
	sort.Strings(paths)
	out := output{Files: []file{}, Diagnostics: []diagnostic{}}
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "hclparse:", err)
			os.Exit(2)
		}
		name := filepath.Base(path)
		parsed, diags := hclsyntax.ParseConfig(src, name, hcl.Pos{Line: 1, Column: 1})
		for _, d := range diags {
			if d.Severity != hcl.DiagError {
				continue
			}
			entry := diagnostic{Summary: d.Summary, Detail: d.Detail, File: name}
			if d.Subject != nil {
				entry.Line, entry.Column = d.Subject.Start.Line, d.Subject.Start.Column
			}
			out.Diagnostics = append(out.Diagnostics, entry)
		}
		if parsed == nil || diags.HasErrors() {
			continue
		}
		out.Files = append(out.Files, file{Name: name, Body: readBody(parsed.Body.(*hclsyntax.Body))})
	}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetIndent("", " ")
	if err := encoder.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, "hclparse:", err)
		os.Exit(2)
	}
	if len(out.Diagnostics) > 0 {
		os.Exit(1)
	}
}

func readBody(b *hclsyntax.Body) body {
	result := body{Attributes: []attribute{}, Blocks: []block{}}
	names := make([]string, 0, len(b.Attributes))
	for name := range b.Attributes {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool {
		return b.Attributes[names[i]].SrcRange.Start.Byte < b.Attributes[names[j]].SrcRange.Start.Byte
	})
	for _, name := range names {
		result.Attributes = append(result.Attributes, readAttribute(b.Attributes[name]))
	}
	for _, nested := range b.Blocks {
		labels := nested.Labels
		if labels == nil {
			labels = []string{}
		}
		result.Blocks = append(result.Blocks, block{Type: nested.Type, Labels: labels, Line: nested.TypeRange.Start.Line, Body: readBody(nested.Body)})
	}
	return result
}

func readAttribute(a *hclsyntax.Attribute) attribute {
	result := attribute{Name: a.Name, Line: a.NameRange.Start.Line, References: []reference{}, Functions: []function{}}
	for _, traversal := range hclsyntax.Variables(a.Expr) {
		ref := reference{Root: traversal.RootName(), Steps: []string{}, Line: traversal.SourceRange().Start.Line}
		for _, step := range traversal[1:] {
			switch s := step.(type) {
			case hcl.TraverseAttr:
				ref.Steps = append(ref.Steps, s.Name)
			default:
				ref.Steps = append(ref.Steps, "[]")
			}
		}
		result.References = append(result.References, ref)
	}
	_ = hclsyntax.VisitAll(a.Expr, func(node hclsyntax.Node) hcl.Diagnostics {
		if call, ok := node.(*hclsyntax.FunctionCallExpr); ok {
			result.Functions = append(result.Functions, function{Name: call.Name, Line: call.NameRange.Start.Line})
		}
		return nil
	})
	if len(result.References) == 0 && len(result.Functions) == 0 {
		result.Value = constant(a.Expr)
	}
	return result
}

// constant is the value of an expression that needs no context, when it is a string, a number or a bool.
func constant(expr hclsyntax.Expression) *string {
	value, diags := expr.Value(nil)
	if diags.HasErrors() || !value.IsWhollyKnown() || value.IsNull() {
		return nil
	}
	var text string
	switch value.Type() {
	case cty.String:
		text = value.AsString()
	case cty.Number:
		text = value.AsBigFloat().Text('f', -1)
	case cty.Bool:
		text = fmt.Sprint(value.True())
	default:
		return nil
	}
	return &text
}
