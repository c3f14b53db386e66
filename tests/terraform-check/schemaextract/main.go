// schemaextract writes the argument schema of chosen google provider resource types as JSON, read from the
// provider's Go source (github.com/hashicorp/terraform-provider-google at a release tag) with go/ast alone:
// it finds each type's registry.Schema{Name: ...} registration, follows the Schema expression through
// function calls (binding parameters to arguments), package variables and tpgresource.MergeSchemas, and
// reads each *schema.Schema literal's Type, Required, Optional, Computed, MinItems, MaxItems and Elem.
// It fails on any expression it cannot follow rather than guess. Standard library only; run by hand to
// regenerate tests/terraform-check/google-provider-schema.json (see tests/terraform-check/README.md).
//
// Usage: schemaextract -source DIR -version V -commit SHA TYPE...   (TYPE: resource name, or data.NAME)
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Attribute is a schema entry set with "name = value".
type Attribute struct {
	Type     string `json:"type"`
	Required bool   `json:"required,omitempty"`
	Optional bool   `json:"optional,omitempty"`
	Computed bool   `json:"computed,omitempty"`
}

// Block is a schema entry set with "name { ... }" (a TypeList or TypeSet whose Elem is a *schema.Resource).
type Block struct {
	Nesting    string               `json:"nesting"`
	MinItems   int                  `json:"min_items,omitempty"`
	MaxItems   int                  `json:"max_items,omitempty"`
	Required   bool                 `json:"required,omitempty"`
	Optional   bool                 `json:"optional,omitempty"`
	Computed   bool                 `json:"computed,omitempty"`
	Attributes map[string]Attribute `json:"attributes"`
	Blocks     map[string]*Block    `json:"blocks"`
}

type fixture struct {
	Provider      string            `json:"provider"`
	Version       string            `json:"version"`
	Source        string            `json:"source"`
	ExtractedBy   string            `json:"extracted_by"`
	ResourceTypes map[string]*Block `json:"resource_types"`
	DataTypes     map[string]*Block `json:"data_types"`
}

type pkg struct {
	name  string
	funcs map[string]*ast.FuncDecl
	vars  map[string]ast.Expr
}

// scope is where an expression is read: its package and the function parameters bound to caller expressions.
type scope struct {
	pkg    *pkg
	params map[string]boundExpr
}

type boundExpr struct {
	expr  ast.Expr
	scope *scope
}

type extractor struct {
	fset *token.FileSet
	pkgs map[string]*pkg
}

func main() {
	source := flag.String("source", "", "provider source root (holding google/)")
	version := flag.String("version", "", "provider version the source is")
	commit := flag.String("commit", "", "the source's commit")
	flag.Parse()
	if *source == "" || *version == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: schemaextract -source DIR -version V -commit SHA TYPE...")
		os.Exit(2)
	}
	x := &extractor{fset: token.NewFileSet(), pkgs: map[string]*pkg{}}
	registrations, err := x.load(filepath.Join(*source, "google"))
	if err != nil {
		fail(err)
	}
	resources := map[string]*Block{}
	dataSources := map[string]*Block{}
	for _, name := range flag.Args() {
		kind, typeName := "resource", name
		if strings.HasPrefix(name, "data.") {
			kind, typeName = "data", strings.TrimPrefix(name, "data.")
		}
		found, ok := registrations[kind+" "+typeName]
		if !ok {
			fail(fmt.Errorf("%s %s: no registry.Schema registration found", kind, typeName))
		}
		block, err := x.resource(found.expr, found.scope)
		if err != nil {
			fail(fmt.Errorf("%s %s: %w", kind, typeName, err))
		}
		if kind == "data" {
			dataSources[typeName] = block
		} else {
			resources[typeName] = block
		}
	}
	out := fixture{
		Provider: "registry.terraform.io/hashicorp/google",
		Version:  *version,
		Source:   "https://github.com/hashicorp/terraform-provider-google/tree/v" + *version + " (commit " + *commit + ")",
		ExtractedBy: "tests/terraform-check/schemaextract: go/ast over the source's google/ tree (registry.Schema " +
			"registrations, followed through calls, variables and tpgresource.MergeSchemas)",
		ResourceTypes: resources,
		DataTypes:     dataSources,
	}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetIndent("", "  ")
	if err := encoder.Encode(out); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "schemaextract:", err)
	os.Exit(1)
}

// load parses every non-test Go file under root and returns the registrations by "resource NAME" or "data NAME".
func (x *extractor) load(root string) (map[string]boundExpr, error) {
	registrations := map[string]boundExpr{}
	err := filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		file, err := parser.ParseFile(x.fset, path, nil, 0)
		if err != nil {
			return err
		}
		p := x.pkgs[file.Name.Name]
		if p == nil {
			p = &pkg{name: file.Name.Name, funcs: map[string]*ast.FuncDecl{}, vars: map[string]ast.Expr{}}
			x.pkgs[file.Name.Name] = p
		}
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					p.funcs[d.Name.Name] = d
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					if v, ok := spec.(*ast.ValueSpec); ok && len(v.Values) == len(v.Names) {
						for i, n := range v.Names {
							p.vars[n.Name] = v.Values[i]
						}
					}
				}
			}
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok || !isSelector(lit.Type, "registry", "Schema") {
				return true
			}
			fields := fieldsOf(lit)
			name, _ := strconv.Unquote(basicLit(fields["Name"]))
			kind := ""
			switch selectorName(fields["Type"]) {
			case "SchemaTypeResource", "SchemaTypeIAMResource":
				kind = "resource"
			case "SchemaTypeDataSource", "SchemaTypeIAMDataSource":
				kind = "data"
			}
			if name != "" && kind != "" && fields["Schema"] != nil {
				registrations[kind+" "+name] = boundExpr{fields["Schema"], &scope{pkg: p}}
			}
			return true
		})
		return nil
	})
	return registrations, err
}

// resource follows expr to a *schema.Resource literal and reads its Schema map.
func (x *extractor) resource(expr ast.Expr, s *scope) (*Block, error) {
	expr, s, err := x.follow(expr, s)
	if err != nil {
		return nil, err
	}
	lit, ok := compositeOf(expr)
	if !ok || !isSelector(lit.Type, "schema", "Resource") {
		return nil, x.unsupported("a *schema.Resource", expr)
	}
	schemaMap := fieldsOf(lit)["Schema"]
	if schemaMap == nil {
		return nil, x.unsupported("a Schema field", expr)
	}
	entries, err := x.schemaMap(schemaMap, s)
	if err != nil {
		return nil, err
	}
	block := &Block{Nesting: "single", Attributes: map[string]Attribute{}, Blocks: map[string]*Block{}}
	for _, name := range sortedKeys(entries) {
		if err := x.entry(block, name, entries[name]); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return block, nil
}

// schemaMap follows expr to map[string]*schema.Schema entries (literal, variable, parameter, call, MergeSchemas).
func (x *extractor) schemaMap(expr ast.Expr, s *scope) (map[string]boundExpr, error) {
	if call, ok := expr.(*ast.CallExpr); ok && isSelector(call.Fun, "tpgresource", "MergeSchemas") {
		merged := map[string]boundExpr{}
		for _, arg := range call.Args {
			part, err := x.schemaMap(arg, s)
			if err != nil {
				return nil, err
			}
			for k, v := range part {
				merged[k] = v
			}
		}
		return merged, nil
	}
	expr, s, err := x.follow(expr, s)
	if err != nil {
		return nil, err
	}
	if call, ok := expr.(*ast.CallExpr); ok && isSelector(call.Fun, "tpgresource", "MergeSchemas") {
		return x.schemaMap(call, s)
	}
	lit, ok := expr.(*ast.CompositeLit)
	if !ok {
		return nil, x.unsupported("a schema map", expr)
	}
	entries := map[string]boundExpr{}
	for _, element := range lit.Elts {
		kv, ok := element.(*ast.KeyValueExpr)
		if !ok {
			return nil, x.unsupported("a key: value entry", element)
		}
		key, err := strconv.Unquote(basicLit(kv.Key))
		if err != nil {
			return nil, x.unsupported("a string key", kv.Key)
		}
		entries[key] = boundExpr{kv.Value, s}
	}
	return entries, nil
}

// entry reads one *schema.Schema into block as an attribute or a nested block.
func (x *extractor) entry(block *Block, name string, bound boundExpr) error {
	expr, s, err := x.follow(bound.expr, bound.scope)
	if err != nil {
		return err
	}
	lit, ok := compositeOf(expr)
	if !ok {
		return x.unsupported("a *schema.Schema literal", expr)
	}
	fields := fieldsOf(lit)
	typeName := strings.TrimPrefix(selectorName(fields["Type"]), "Type")
	if typeName == "" {
		return x.unsupported("a schema.TypeX", lit)
	}
	required, optional, computed := isTrue(fields["Required"]), isTrue(fields["Optional"]), isTrue(fields["Computed"])
	if elem := fields["Elem"]; elem != nil && (typeName == "List" || typeName == "Set") && selectorName(fields["ConfigMode"]) != "SchemaConfigModeAttr" {
		elemExpr, elemScope, err := x.follow(elem, s)
		if err != nil {
			return err
		}
		if elemLit, ok := compositeOf(elemExpr); ok && isSelector(elemLit.Type, "schema", "Resource") {
			nested, err := x.resource(elemExpr, elemScope)
			if err != nil {
				return err
			}
			nested.Nesting = strings.ToLower(typeName)
			nested.MinItems, nested.MaxItems = intLit(fields["MinItems"]), intLit(fields["MaxItems"])
			nested.Required, nested.Optional, nested.Computed = required, optional, computed
			block.Blocks[name] = nested
			return nil
		}
	}
	block.Attributes[name] = Attribute{Type: strings.ToLower(typeName), Required: required, Optional: optional, Computed: computed}
	return nil
}

// follow resolves identifiers (parameters, package variables), &x, and calls of functions whose body ends
// in a single return, until it reaches something else.
func (x *extractor) follow(expr ast.Expr, s *scope) (ast.Expr, *scope, error) {
	for depth := 0; depth < 50; depth++ {
		switch e := expr.(type) {
		case *ast.ParenExpr:
			expr = e.X
		case *ast.Ident:
			if bound, ok := s.params[e.Name]; ok {
				expr, s = bound.expr, bound.scope
			} else if value, ok := s.pkg.vars[e.Name]; ok {
				expr, s = value, &scope{pkg: s.pkg}
			} else {
				return expr, s, nil
			}
		case *ast.SelectorExpr:
			p, value := x.pkgVar(e)
			if value == nil {
				return expr, s, nil
			}
			expr, s = value, &scope{pkg: p}
		case *ast.CallExpr:
			fn, p := x.function(e.Fun, s)
			if fn == nil {
				return expr, s, nil
			}
			ret := lastReturn(fn)
			if id, ok := ret.(*ast.Ident); ok {
				ret = localValue(fn, id.Name)
			}
			if ret == nil {
				return nil, nil, x.unsupported("a function ending in one return", e)
			}
			params := map[string]boundExpr{}
			i := 0
			for _, field := range fn.Type.Params.List {
				for _, n := range field.Names {
					if i < len(e.Args) {
						params[n.Name] = boundExpr{e.Args[i], s}
					}
					i++
				}
			}
			expr, s = ret, &scope{pkg: p, params: params}
		default:
			return expr, s, nil
		}
	}
	return nil, nil, x.unsupported("a resolvable expression", expr)
}

func (x *extractor) function(fun ast.Expr, s *scope) (*ast.FuncDecl, *pkg) {
	switch f := fun.(type) {
	case *ast.Ident:
		return s.pkg.funcs[f.Name], s.pkg
	case *ast.SelectorExpr:
		if id, ok := f.X.(*ast.Ident); ok && x.pkgs[id.Name] != nil && id.Name != "schema" {
			return x.pkgs[id.Name].funcs[f.Sel.Name], x.pkgs[id.Name]
		}
	}
	return nil, nil
}

func (x *extractor) pkgVar(e *ast.SelectorExpr) (*pkg, ast.Expr) {
	if id, ok := e.X.(*ast.Ident); ok && x.pkgs[id.Name] != nil {
		return x.pkgs[id.Name], x.pkgs[id.Name].vars[e.Sel.Name]
	}
	return nil, nil
}

func (x *extractor) unsupported(want string, node ast.Node) error {
	return fmt.Errorf("%s: expected %s", x.fset.Position(node.Pos()), want)
}

func lastReturn(fn *ast.FuncDecl) ast.Expr {
	if fn.Body == nil || len(fn.Body.List) == 0 {
		return nil
	}
	if ret, ok := fn.Body.List[len(fn.Body.List)-1].(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
		return ret.Results[0]
	}
	return nil
}

// localValue is the value a function gives name with ":=", when nothing later replaces it or its Schema.
func localValue(fn *ast.FuncDecl, name string) ast.Expr {
	var value ast.Expr
	replaced := false
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		assign, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for i, lhs := range assign.Lhs {
			if id, ok := lhs.(*ast.Ident); ok && id.Name == name {
				if assign.Tok == token.DEFINE && value == nil && len(assign.Rhs) == len(assign.Lhs) {
					value = assign.Rhs[i]
				} else {
					replaced = true
				}
			}
			if strings.HasPrefix(exprString(lhs), name+".Schema") {
				replaced = true
			}
		}
		return true
	})
	if replaced {
		return nil
	}
	return value
}

func exprString(expr ast.Expr) string {
	switch e := expr.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return exprString(e.X) + "." + e.Sel.Name
	case *ast.IndexExpr:
		return exprString(e.X) + "[]"
	}
	return ""
}

func compositeOf(expr ast.Expr) (*ast.CompositeLit, bool) {
	if u, ok := expr.(*ast.UnaryExpr); ok && u.Op == token.AND {
		expr = u.X
	}
	lit, ok := expr.(*ast.CompositeLit)
	return lit, ok
}

func fieldsOf(lit *ast.CompositeLit) map[string]ast.Expr {
	fields := map[string]ast.Expr{}
	for _, element := range lit.Elts {
		if kv, ok := element.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				fields[id.Name] = kv.Value
			}
		}
	}
	return fields
}

func isSelector(expr ast.Expr, x, sel string) bool {
	s, ok := expr.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := s.X.(*ast.Ident)
	return ok && id.Name == x && s.Sel.Name == sel
}

func selectorName(expr ast.Expr) string {
	if s, ok := expr.(*ast.SelectorExpr); ok {
		return s.Sel.Name
	}
	return ""
}

func basicLit(expr ast.Expr) string {
	if b, ok := expr.(*ast.BasicLit); ok {
		return b.Value
	}
	return ""
}

func isTrue(expr ast.Expr) bool {
	id, ok := expr.(*ast.Ident)
	return ok && id.Name == "true"
}

func intLit(expr ast.Expr) int {
	n, _ := strconv.Atoi(basicLit(expr))
	return n
}

func sortedKeys(m map[string]boundExpr) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
