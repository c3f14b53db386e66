// Command helm-render renders a Helm chart the way `helm template` does, for CI machines without helm:
// Go's text/template with sprig's functions and the Helm built-ins the Crema chart uses (see engine.go).
//
//	helm-render [-name RELEASE] [-namespace NS] [-f values.yaml]... CHART_DIR
//
// It prints one JSON object: "values" (the chart's values.yaml coalesced with the -f files, as Helm
// hands them to values.schema.json and the templates), "manifests" (each template's rendered documents,
// with the YAML text and the object as JSON, converted as kubectl does) and "notes" (NOTES.txt).
// A template error ends it with exit code 1 and the object's "error"; bad arguments or files with 2.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
)

type valueFiles []string

func (v *valueFiles) String() string     { return fmt.Sprint(*v) }
func (v *valueFiles) Set(s string) error { *v = append(*v, s); return nil }

type output struct {
	Values    map[string]interface{} `json:"values"`
	Manifests []manifest             `json:"manifests"`
	Notes     string                 `json:"notes"`
	Error     string                 `json:"error,omitempty"`
}

func main() {
	name := flag.String("name", "crema", "the release name")
	namespace := flag.String("namespace", "default", "the release namespace")
	var files valueFiles
	flag.Var(&files, "f", "a values file (repeatable; later files win)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: helm-render [-name RELEASE] [-namespace NS] [-f values.yaml]... CHART_DIR")
		os.Exit(2)
	}

	loaded, err := loadChart(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "Error:", err)
		os.Exit(2)
	}
	values, err := coalesceValues(loaded.defaults, files)
	if err != nil {
		fmt.Fprintln(os.Stderr, "Error:", err)
		os.Exit(2)
	}

	result := output{Values: values, Manifests: []manifest{}}
	release := releaseInfo{Name: *name, Namespace: *namespace, Service: "Helm", IsInstall: true, Revision: 1}
	manifests, notes, err := render(loaded, values, release)
	exitCode := 0
	if err != nil {
		result.Error = err.Error()
		exitCode = 1
	} else {
		result.Manifests, result.Notes = manifests, notes
	}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetIndent("", "  ")
	if err := encoder.Encode(result); err != nil {
		fmt.Fprintln(os.Stderr, "Error:", err)
		os.Exit(2)
	}
	os.Exit(exitCode)
}
