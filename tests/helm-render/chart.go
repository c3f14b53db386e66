package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"sigs.k8s.io/yaml"
)

// chartMetadata is Chart.yaml as templates see it in .Chart (Helm's field names).
type chartMetadata struct {
	APIVersion  string   `json:"apiVersion"`
	Name        string   `json:"name"`
	Version     string   `json:"version"`
	AppVersion  string   `json:"appVersion"`
	Description string   `json:"description"`
	Type        string   `json:"type"`
	Keywords    []string `json:"keywords"`
}

type templateFile struct {
	name    string // as Helm names it: CHART/templates/FILE
	content string
}

type chart struct {
	metadata  chartMetadata
	defaults  map[string]interface{}
	templates []templateFile
}

func loadChart(dir string) (*chart, error) {
	c := &chart{}
	metadata, err := os.ReadFile(filepath.Join(dir, "Chart.yaml"))
	if err != nil {
		return nil, err
	}
	if err := yaml.UnmarshalStrict(metadata, &c.metadata); err != nil {
		return nil, fmt.Errorf("Chart.yaml: %w", err)
	}
	if c.metadata.Name == "" || c.metadata.Version == "" {
		return nil, fmt.Errorf("Chart.yaml: name and version are required")
	}
	if c.defaults, err = readValues(filepath.Join(dir, "values.yaml")); err != nil {
		return nil, err
	}
	root := filepath.Join(dir, "templates")
	err = filepath.WalkDir(root, func(path string, entry os.DirEntry, err error) error {
		if err != nil || entry.IsDir() {
			return err
		}
		content, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		relative, _ := filepath.Rel(dir, path)
		c.templates = append(c.templates, templateFile{name: c.metadata.Name + "/" + filepath.ToSlash(relative), content: string(content)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(c.templates, func(i, j int) bool { return c.templates[i].name < c.templates[j].name })
	return c, nil
}

// readValues parses a values file as Helm does (sigs.k8s.io/yaml: numbers become float64).
func readValues(path string) (map[string]interface{}, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	values := map[string]interface{}{}
	if err := yaml.Unmarshal(data, &values); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if values == nil {
		values = map[string]interface{}{}
	}
	return values, nil
}

// coalesceValues lays the files over the chart's defaults as Helm does: maps merge key by key, anything
// else replaces, and a null removes the default.
func coalesceValues(defaults map[string]interface{}, files []string) (map[string]interface{}, error) {
	result := deepCopy(defaults).(map[string]interface{})
	for _, file := range files {
		values, err := readValues(file)
		if err != nil {
			return nil, err
		}
		merge(result, values)
	}
	return result, nil
}

func merge(dst, src map[string]interface{}) {
	for key, value := range src {
		if value == nil {
			delete(dst, key)
			continue
		}
		srcMap, srcIsMap := value.(map[string]interface{})
		dstMap, dstIsMap := dst[key].(map[string]interface{})
		if srcIsMap && dstIsMap {
			merge(dstMap, srcMap)
		} else {
			dst[key] = deepCopy(value)
		}
	}
}

func deepCopy(value interface{}) interface{} {
	switch v := value.(type) {
	case map[string]interface{}:
		c := make(map[string]interface{}, len(v))
		for key, item := range v {
			c[key] = deepCopy(item)
		}
		return c
	case []interface{}:
		c := make([]interface{}, len(v))
		for i, item := range v {
			c[i] = deepCopy(item)
		}
		return c
	default:
		return v
	}
}

func isPartial(name string) bool { return strings.HasPrefix(filepath.Base(name), "_") }

func isNotes(name string) bool { return strings.HasSuffix(name, "/templates/NOTES.txt") }
