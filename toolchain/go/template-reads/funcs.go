package main

import (
	"text/template"

	"github.com/Masterminds/sprig/v3"
)

// builtins are text/template's own functions (parse.Parse, unlike template.New, does not add them).
var builtins = []string{
	"and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println", "urlquery",
	"eq", "ge", "gt", "le", "lt", "ne",
}

// helmExtras are the functions Helm 3 and Helm 4 add to sprig's (pkg/engine/funcs.go and
// engine.go of both majors; sprig is pinned to the version both use).
var helmExtras = []string{
	"toToml", "mustToToml", "fromToml", "toYaml", "mustToYaml", "toYamlPretty", "fromYaml", "fromYamlArray",
	"toJson", "mustToJson", "fromJson", "fromJsonArray",
	"mustToDuration", "durationSeconds", "durationMilliseconds", "durationMicroseconds", "durationNanoseconds",
	"durationMinutes", "durationHours", "durationDays", "durationWeeks", "durationRoundTo", "durationTruncateTo",
	"include", "tpl", "required", "fail", "lookup", "getHostByName",
}

// helmFuncs declares every function name a Helm template may call, as no-ops: the parser only
// needs the names (and rejects a call to any other function, as Helm would).
func helmFuncs() template.FuncMap {
	noop := func(...any) any { return nil }
	funcs := template.FuncMap{}
	for name := range sprig.TxtFuncMap() {
		funcs[name] = noop
	}
	delete(funcs, "env")
	delete(funcs, "expandenv")
	for _, name := range append(append([]string{}, builtins...), helmExtras...) {
		funcs[name] = noop
	}
	return funcs
}
