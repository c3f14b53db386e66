package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig"
	"sigs.k8s.io/yaml"
)

type releaseInfo struct {
	Name      string
	Namespace string
	Service   string
	IsInstall bool
	IsUpgrade bool
	Revision  int
}

// manifest is one rendered template: its YAML documents and each as the JSON kubectl would send.
type manifest struct {
	Source  string            `json:"source"`
	YAML    string            `json:"yaml"`
	Objects []json.RawMessage `json:"objects"`
}

// The built-ins beside sprig's that the chart uses; a template calling anything else fails to parse,
// which is the cue to add it here.
func funcMap(root *template.Template) template.FuncMap {
	funcs := sprig.TxtFuncMap()
	// Helm removes these: a chart must not read the machine's environment.
	delete(funcs, "env")
	delete(funcs, "expandenv")
	includeDepth := 0
	funcs["include"] = func(name string, data interface{}) (string, error) {
		if includeDepth > 100 {
			return "", fmt.Errorf("include %q: nested too deep", name)
		}
		includeDepth++
		defer func() { includeDepth-- }()
		var buf strings.Builder
		err := root.ExecuteTemplate(&buf, name, data)
		return buf.String(), err
	}
	funcs["required"] = func(message string, value interface{}) (interface{}, error) {
		if value == nil {
			return nil, errors.New(message)
		}
		if s, ok := value.(string); ok && s == "" {
			return nil, errors.New(message)
		}
		return value, nil
	}
	funcs["fail"] = func(message string) (string, error) { return "", errors.New(message) }
	funcs["toYaml"] = func(value interface{}) string {
		data, err := yaml.Marshal(value)
		if err != nil {
			return "" // as Helm: the error shows up as an invalid manifest
		}
		return strings.TrimSuffix(string(data), "\n")
	}
	return funcs
}

func render(c *chart, values map[string]interface{}, release releaseInfo) ([]manifest, string, error) {
	root := template.New("gotpl").Option("missingkey=zero")
	root.Funcs(funcMap(root))
	for _, file := range c.templates {
		if _, err := root.New(file.name).Parse(file.content); err != nil {
			return nil, "", cleanError(err)
		}
	}
	data := map[string]interface{}{
		"Values":  values,
		"Release": release,
		"Chart":   c.metadata,
	}
	var manifests []manifest
	notes := ""
	for _, file := range c.templates {
		if isPartial(file.name) {
			continue
		}
		var buf bytes.Buffer
		if err := root.ExecuteTemplate(&buf, file.name, data); err != nil {
			return nil, "", cleanError(err)
		}
		text := strings.ReplaceAll(buf.String(), "<no value>", "")
		if isNotes(file.name) {
			notes = text
			continue
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		objects, err := splitDocuments(text)
		if err != nil {
			return nil, "", fmt.Errorf("%s: %w", file.name, err)
		}
		if len(objects) > 0 {
			manifests = append(manifests, manifest{Source: file.name, YAML: text, Objects: objects})
		}
	}
	return manifests, notes, nil
}

var separator = regexp.MustCompile(`(?m)^---[ \t]*$`)

// splitDocuments cuts a rendered file at `---` lines and converts each document to JSON as kubectl
// does, refusing duplicate keys; a document of only comments is dropped, as Helm drops it.
func splitDocuments(text string) ([]json.RawMessage, error) {
	var objects []json.RawMessage
	for i, document := range separator.Split(text, -1) {
		converted, err := yaml.YAMLToJSONStrict([]byte(document))
		if err != nil {
			return nil, fmt.Errorf("document %d: %w", i+1, err)
		}
		if string(converted) == "null" {
			continue
		}
		objects = append(objects, converted)
	}
	return objects, nil
}

var calling = regexp.MustCompile(`error calling (fail|required|include): `)

// cleanError shortens text/template's nested error as Helm does: where it happened, then the message.
func cleanError(err error) error {
	text := err.Error()
	locations := regexp.MustCompile(`^template: ([^ ]+:\d+:\d+): `).FindStringSubmatch(text)
	matches := calling.FindAllStringIndex(text, -1)
	if locations == nil || len(matches) == 0 {
		return err
	}
	last := matches[len(matches)-1]
	return fmt.Errorf("execution error at (%s): %s", locations[1], text[last[1]:])
}
