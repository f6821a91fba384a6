// yaml-decode: the reference for how Kubernetes clients decode manifests, used by bvchart's
// decoding differential test (test/validator/parse/decode-differential.test.ts).
//
// It splits a stream exactly as kubectl and Helm do (k8s.io/apimachinery/pkg/util/yaml's
// YAMLReader: a line starting with `---` ends a document; anything but spaces or a comment
// after the `---` is an error) and converts each document with sigs.k8s.io/yaml's YAMLToJSON
// (go-yaml v2, YAML 1.1 scalars, string keys), the versions Helm v3.22.0 pins. For each
// document it also reports YAMLToJSONStrict's error (duplicate keys), which strict field
// validation turns into a rejection.
//
//	yaml-decode FILE...   one JSON line per event of each file
//	yaml-decode -batch    stdin: a JSON array of base64 streams; stdout: a JSON array of event lists
//	yaml-decode -version  the source digest the bootstrap pins
package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	kyaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"
)

// version is set by the bootstrap (-ldflags -X main.version=<source digest>).
var version = "dev"

// Event is one outcome of reading the stream: a document's JSON, or an error.
type Event struct {
	// JSON is the document as YAMLToJSON returns it (absent on error).
	JSON *string `json:"json,omitempty"`
	// Error is YAMLToJSON's error, or the stream reader's (an invalid separator).
	Error string `json:"error,omitempty"`
	// Separator is true when Error comes from the stream reader.
	Separator bool `json:"separator,omitempty"`
	// StrictError is YAMLToJSONStrict's error when YAMLToJSON succeeded (duplicate keys).
	StrictError string `json:"strictError,omitempty"`
}

func decodeStream(data []byte) []Event {
	events := []Event{}
	reader := kyaml.NewYAMLReader(bufio.NewReader(bytes.NewReader(data)))
	for {
		chunk, err := reader.Read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return events
			}
			events = append(events, Event{Error: err.Error(), Separator: true})
			continue
		}
		out, err := yaml.YAMLToJSON(chunk)
		if err != nil {
			events = append(events, Event{Error: err.Error()})
			continue
		}
		text := string(out)
		event := Event{JSON: &text}
		if _, strictErr := yaml.YAMLToJSONStrict(chunk); strictErr != nil {
			event.StrictError = strictErr.Error()
		}
		events = append(events, event)
	}
}

func main() {
	batch := flag.Bool("batch", false, "read a JSON array of base64 streams from stdin")
	showVersion := flag.Bool("version", false, "print the version")
	flag.Parse()
	if *showVersion {
		fmt.Println(version)
		return
	}
	encoder := json.NewEncoder(os.Stdout)
	if *batch {
		var streams []string
		if err := json.NewDecoder(os.Stdin).Decode(&streams); err != nil {
			fmt.Fprintln(os.Stderr, "yaml-decode:", err)
			os.Exit(2)
		}
		results := make([][]Event, len(streams))
		for i, s := range streams {
			data, err := base64.StdEncoding.DecodeString(s)
			if err != nil {
				fmt.Fprintln(os.Stderr, "yaml-decode: stream", i, err)
				os.Exit(2)
			}
			results[i] = decodeStream(data)
		}
		if err := encoder.Encode(results); err != nil {
			os.Exit(1)
		}
		return
	}
	for _, file := range flag.Args() {
		data, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintln(os.Stderr, "yaml-decode:", err)
			os.Exit(2)
		}
		for _, event := range decodeStream(data) {
			if err := encoder.Encode(event); err != nil {
				os.Exit(1)
			}
		}
	}
}
