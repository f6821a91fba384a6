package main

import (
	"strconv"
	"strings"
	"text/template/parse"
)

// value is what the analysis knows about a template value: the chart's context (`.` at the
// top of a file), a path under .Values, a `list` of such values, a literal, or nothing.
type valueKind int

const (
	unknownKind valueKind = iota
	rootKind
	valuesKind
	listKind
	stringKind
	numberKind
)

type value struct {
	kind  valueKind
	path  []string
	elems []value
	str   string
	num   int
}

var (
	rootValue    = value{kind: rootKind}
	unknownValue = value{}
)

func (v value) key() string {
	switch v.kind {
	case rootKind:
		return "root"
	case valuesKind:
		return "values:" + strings.Join(v.path, ".")
	case listKind:
		parts := make([]string, len(v.elems))
		for i, e := range v.elems {
			parts[i] = e.key()
		}
		return "list(" + strings.Join(parts, ",") + ")"
	case stringKind:
		return strconv.Quote(v.str)
	case numberKind:
		return strconv.Itoa(v.num)
	}
	return "?"
}

func (v value) child(name string) value {
	switch v.kind {
	case rootKind:
		if name == "Values" {
			return value{kind: valuesKind, path: []string{}}
		}
	case valuesKind:
		path := append(append([]string{}, v.path...), name)
		return value{kind: valuesKind, path: path}
	}
	return unknownValue
}

// scope holds the variables in force; `$` is the first.
type scope struct {
	names []string
	vals  []value
}

func (s *scope) declare(name string, v value) {
	s.names = append(s.names, name)
	s.vals = append(s.vals, v)
}

func (s *scope) assign(name string, v value) {
	for i := len(s.names) - 1; i >= 0; i-- {
		if s.names[i] == name {
			s.vals[i] = v
			return
		}
	}
}

func (s *scope) lookup(name string) value {
	for i := len(s.names) - 1; i >= 0; i-- {
		if s.names[i] == name {
			return s.vals[i]
		}
	}
	return unknownValue
}

func (s *scope) mark() int      { return len(s.names) }
func (s *scope) reset(mark int) { s.names, s.vals = s.names[:mark], s.vals[:mark] }

type analyser struct {
	trees  map[string]*parse.Tree
	done   map[string]bool
	called map[string]bool
	reads  map[string]read
	tree   *parse.Tree
}

// template analyses a file or a named template with `.` and `$` bound to dot (once per
// distinct argument).
func (a *analyser) template(name string, dot value) {
	if a.called == nil {
		a.called = map[string]bool{}
	}
	a.called[name] = true
	tree := a.trees[name]
	if tree == nil || tree.Root == nil {
		return
	}
	key := name + "\x00" + dot.key()
	if a.done[key] {
		return
	}
	a.done[key] = true
	previous := a.tree
	a.tree = tree
	s := &scope{}
	s.declare("$", dot)
	a.list(tree.Root, dot, s)
	a.tree = previous
}

func (a *analyser) list(l *parse.ListNode, dot value, s *scope) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		a.node(n, dot, s)
	}
}

func (a *analyser) node(n parse.Node, dot value, s *scope) {
	switch n := n.(type) {
	case *parse.ActionNode:
		v := a.pipe(n.Pipe, dot, s)
		if len(n.Pipe.Decl) == 0 {
			a.use(v, n, true) // printed
		} else {
			a.bind(n.Pipe, v, s)
		}
	case *parse.IfNode:
		mark := s.mark()
		v := a.pipe(n.Pipe, dot, s)
		a.use(v, n, false)
		a.bind(n.Pipe, v, s)
		a.list(n.List, dot, s)
		a.list(n.ElseList, dot, s)
		s.reset(mark)
	case *parse.WithNode:
		mark := s.mark()
		v := a.pipe(n.Pipe, dot, s)
		a.use(v, n, false)
		a.bind(n.Pipe, v, s)
		a.list(n.List, v, s)
		a.list(n.ElseList, dot, s)
		s.reset(mark)
	case *parse.RangeNode:
		mark := s.mark()
		v := a.pipe(n.Pipe, dot, s)
		a.use(v, n, true) // iterating reads every element
		for _, d := range n.Pipe.Decl {
			s.declare(d.Ident[0], unknownValue)
		}
		a.list(n.List, unknownValue, s)
		a.list(n.ElseList, dot, s)
		s.reset(mark)
	case *parse.TemplateNode:
		arg := unknownValue
		if n.Pipe != nil {
			arg = a.pipe(n.Pipe, dot, s)
		}
		a.include(n.Name, arg)
	case *parse.ListNode:
		a.list(n, dot, s)
	}
}

func (a *analyser) bind(p *parse.PipeNode, v value, s *scope) {
	for _, d := range p.Decl {
		if p.IsAssign {
			s.assign(d.Ident[0], v)
		} else {
			s.declare(d.Ident[0], v)
		}
	}
}

func (a *analyser) include(name string, arg value) {
	previous := a.tree
	a.template(name, arg)
	a.tree = previous
}

func (a *analyser) pipe(p *parse.PipeNode, dot value, s *scope) value {
	if p == nil {
		return unknownValue
	}
	var v value
	for i, cmd := range p.Cmds {
		var piped *value
		if i > 0 {
			prev := v
			piped = &prev
		}
		v = a.command(cmd, dot, s, piped)
	}
	return v
}

func (a *analyser) command(c *parse.CommandNode, dot value, s *scope, piped *value) value {
	if len(c.Args) == 0 {
		return unknownValue
	}
	if fn, ok := c.Args[0].(*parse.IdentifierNode); ok {
		args := make([]value, 0, len(c.Args))
		for _, arg := range c.Args[1:] {
			args = append(args, a.operand(arg, dot, s))
		}
		if piped != nil {
			args = append(args, *piped)
		}
		return a.call(fn.Ident, args, c)
	}
	v := a.operand(c.Args[0], dot, s)
	if len(c.Args) == 1 && piped == nil {
		return v
	}
	// A method call with arguments (`.Capabilities.APIVersions.Has "x"`): everything is used.
	a.use(v, c, true)
	for _, arg := range c.Args[1:] {
		a.use(a.operand(arg, dot, s), c, true)
	}
	if piped != nil {
		a.use(*piped, c, true)
	}
	return unknownValue
}

func (a *analyser) operand(n parse.Node, dot value, s *scope) value {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot
	case *parse.FieldNode:
		return chain(dot, n.Ident)
	case *parse.VariableNode:
		return chain(s.lookup(n.Ident[0]), n.Ident[1:])
	case *parse.ChainNode:
		return chain(a.operand(n.Node, dot, s), n.Field)
	case *parse.PipeNode:
		v := a.pipe(n, dot, s)
		a.bind(n, v, s)
		return v
	case *parse.IdentifierNode:
		return a.call(n.Ident, nil, n)
	case *parse.StringNode:
		return value{kind: stringKind, str: n.Text}
	case *parse.NumberNode:
		if n.IsInt {
			return value{kind: numberKind, num: int(n.Int64)}
		}
	}
	return unknownValue
}

func chain(v value, fields []string) value {
	for _, f := range fields {
		v = v.child(f)
	}
	return v
}

// tests are the functions that only test their arguments (truth or emptiness).
var tests = map[string]bool{"and": true, "or": true, "not": true, "empty": true}

func (a *analyser) call(name string, args []value, at parse.Node) value {
	switch {
	case name == "include" && len(args) == 2 && args[0].kind == stringKind:
		a.include(args[0].str, args[1])
		return unknownValue
	case name == "list":
		return value{kind: listKind, elems: args}
	case (name == "index" || name == "get") && len(args) >= 2:
		if v, ok := index(args[0], args[1:]); ok {
			return v
		}
	case name == "hasKey" && len(args) == 2 && args[0].kind == valuesKind && args[1].kind == stringKind:
		a.use(args[0].child(args[1].str), at, false)
		return unknownValue
	case name == "required" && len(args) == 2:
		a.use(args[1], at, false)
		return args[1]
	case tests[name]:
		for _, arg := range args {
			a.use(arg, at, false)
		}
		return unknownValue
	}
	for _, arg := range args {
		a.use(arg, at, true)
	}
	return unknownValue
}

// index follows `index list 0` and `index .Values.m "key"` without reading anything yet.
func index(base value, keys []value) (value, bool) {
	for _, k := range keys {
		switch {
		case base.kind == listKind && k.kind == numberKind && k.num >= 0 && k.num < len(base.elems):
			base = base.elems[k.num]
		case base.kind == valuesKind && k.kind == stringKind:
			base = base.child(k.str)
		default:
			return unknownValue, false
		}
	}
	return base, true
}

// use records that a value is read: whole (its value is used) or only tested.
func (a *analyser) use(v value, at parse.Node, whole bool) {
	switch v.kind {
	case valuesKind:
		line := 1
		if a.tree != nil {
			location, _ := a.tree.ErrorContext(at)
			parts := strings.Split(location, ":")
			if len(parts) >= 3 {
				line, _ = strconv.Atoi(parts[len(parts)-2])
			}
		}
		file := ""
		if a.tree != nil {
			file = a.tree.ParseName
		}
		key := file + "\x00" + strconv.Itoa(line) + "\x00" + strings.Join(v.path, ".") + "\x00" + strconv.FormatBool(whole)
		a.reads[key] = read{File: file, Line: line, Path: v.path, Whole: whole}
	case listKind:
		for _, e := range v.elems {
			a.use(e, at, whole)
		}
	case rootKind:
		// The whole context handed to a function (`tpl $s .`): it may read any value.
		if whole {
			a.use(value{kind: valuesKind, path: []string{}}, at, true)
		}
	}
}
