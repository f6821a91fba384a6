// template-reads lists every `.Values` path a Helm chart's templates read, with Go's own
// template parser (text/template/parse, the one Helm uses). Values are followed through
// variables (`$t := .Values.a`, then `$t.b` reads a.b), `with`, `range`, `$`, and into named
// templates called with `include` or `template` (analysed with the argument they are given,
// including `list` arguments taken apart with `index`).
//
// Input (stdin, JSON):  {"files": [{"name": "templates/x.yaml", "text": "..."}]}
// Output (stdout, JSON): {"reads": [{"file", "line", "path", "whole"}], "errors": [{"file", "line", "message"}]}
//
// A read is `whole` when the value is used as it is (printed, passed to a function): it reads
// everything below its path. A read that is not whole only tests the value (`if`, `with`,
// `range`, `and`, `or`, `not`, `empty`): the path must exist, but what is below it is not read.
// Exit status 0 with the result (parse errors are in "errors"); 2 on unreadable input.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"text/template/parse"
)

type inputFile struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

type read struct {
	File  string   `json:"file"`
	Line  int      `json:"line"`
	Path  []string `json:"path"`
	Whole bool     `json:"whole"`
}

type parseError struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

type output struct {
	Reads  []read       `json:"reads"`
	Errors []parseError `json:"errors"`
}

func main() {
	var in struct {
		Files []inputFile `json:"files"`
	}
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		fmt.Fprintf(os.Stderr, "template-reads: reading the input JSON: %v\n", err)
		os.Exit(2)
	}
	out := analyse(in.Files)
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(out); err != nil {
		fmt.Fprintf(os.Stderr, "template-reads: %v\n", err)
		os.Exit(2)
	}
}

var errorLine = regexp.MustCompile(`^template: ([^:]+):(\d+):\s*(.*)$`)

func analyse(files []inputFile) output {
	funcs := helmFuncs()
	trees := map[string]*parse.Tree{}
	var roots []string
	out := output{Reads: []read{}, Errors: []parseError{}}
	for _, f := range files {
		set, err := parse.Parse(f.Name, f.Text, "", "", funcs)
		if err != nil {
			e := parseError{File: f.Name, Line: 1, Message: err.Error()}
			if m := errorLine.FindStringSubmatch(err.Error()); m != nil {
				e.Line, _ = strconv.Atoi(m[2])
				e.Message = m[3]
			}
			out.Errors = append(out.Errors, e)
			continue
		}
		for name, tree := range set {
			if name == f.Name {
				roots = append(roots, name)
			}
			trees[name] = tree
		}
	}
	a := &analyser{trees: trees, done: map[string]bool{}, reads: map[string]read{}}
	sort.Strings(roots)
	for _, name := range roots {
		a.template(name, rootValue)
	}
	// Named templates no file calls are analysed as if called with the chart's context.
	names := make([]string, 0, len(trees))
	for name := range trees {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if !a.called[name] {
			a.template(name, rootValue)
		}
	}
	keys := make([]string, 0, len(a.reads))
	for k := range a.reads {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out.Reads = append(out.Reads, a.reads[k])
	}
	return out
}
