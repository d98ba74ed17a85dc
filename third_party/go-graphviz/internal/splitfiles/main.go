//go:build ignore

// Command splitfiles splits long Go files of the go-graphviz copy into files of one job
// each: the declarations of one type (its type, its constants, constructors, methods and
// the generated functions named for it) go to BASE_TYPE.go when they are at least
// minLines long, the rest stays in BASE.go; a type's part longer than maxLines is split
// into its getters (BASE_TYPE_get.go), its setters (BASE_TYPE_set.go) and its other
// methods, each again in parts of at most maxLines if need be. Every file keeps the
// header comment of the original and only the imports it uses. Run from the copy's root
// after taking a newer upstream and applying FACTGRAPH.md's two patches:
//
//	go run ./internal/splitfiles cgraph/attribute.go cgraph/cgraph.go gvc/render_plugin.go internal/wasm/bind.go
package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// A type's part of at least minLines goes to a file of its own, at most maxLines a file.
const (
	minLines = 60
	maxLines = 450
)

func main() {
	for _, path := range os.Args[1:] {
		if err := split(path); err != nil {
			fmt.Fprintln(os.Stderr, "splitfiles:", err)
			os.Exit(1)
		}
	}
}

type decl struct {
	text  string
	lines int
	job   string          // where it goes from an overlong base file: "types", "callbacks", "funcs" or ""
	names map[string]bool // identifiers used as package names
}

func split(path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if src, err = splitExports(path, src); err != nil {
		return err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		return err
	}
	off := func(p token.Pos) int { return fset.Position(p).Offset }
	// The header: everything before the package clause (build tags, generated-code note).
	header := string(src[:off(f.Package)])
	if f.Doc != nil {
		header = string(src[:off(f.Doc.Pos())])
	}
	imports := map[string]*ast.ImportSpec{}
	for _, imp := range f.Imports {
		name := strings.Trim(imp.Path.Value, `"`)
		name = name[strings.LastIndex(name, "/")+1:]
		if imp.Name != nil {
			name = imp.Name.Name
		}
		imports[name] = imp
	}
	types := map[string]bool{}
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
			for _, s := range g.Specs {
				types[s.(*ast.TypeSpec).Name.Name] = true
			}
		}
	}
	groups := map[string][]decl{}
	var order []string
	// Each declaration with the comments before it, back to the end of the one before.
	prevEnd := 0
	for i, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			prevEnd = off(d.End())
			continue
		}
		start := prevEnd
		if i == 0 || prevEnd == 0 {
			start = off(d.Pos())
			if doc := docOf(d); doc != nil {
				start = off(doc.Pos())
			}
		}
		end := off(d.End())
		text := strings.TrimLeft(string(src[start:end]), "\n")
		prevEnd = end
		key, kind := keyOf(d, types)
		names := map[string]bool{}
		ast.Inspect(d, func(n ast.Node) bool {
			if s, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := s.X.(*ast.Ident); ok {
					names[id.Name] = true
				}
			}
			return true
		})
		g := key
		if key != "" && kind != "" {
			g = key + "\x00" + kind
		}
		if _, ok := groups[g]; !ok {
			order = append(order, g)
		}
		job := ""
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name != "load" {
			job = "funcs"
			if strings.HasPrefix(fd.Name.Name, "export_") || strings.HasPrefix(fd.Name.Name, "Register_") {
				job = "callbacks"
			}
		}
		if key != "" && job == "" {
			job = "types"
		}
		groups[g] = append(groups[g], decl{text: text, lines: strings.Count(text, "\n") + 1, names: names, job: job})
	}
	// Keep a type's parts together unless they are long.
	byType := map[string][]string{}
	var typeOrder []string // in the order of the file, so that the output is the same each run
	for _, g := range order {
		key, _, _ := strings.Cut(g, "\x00")
		if _, ok := byType[key]; !ok {
			typeOrder = append(typeOrder, key)
		}
		byType[key] = append(byType[key], g)
	}
	base := strings.TrimSuffix(path, ".go")
	files := map[string][]decl{}
	for _, key := range typeOrder {
		gs := byType[key]
		total := 0
		for _, g := range gs {
			for _, d := range groups[g] {
				total += d.lines
			}
		}
		name := base
		if key != "" && total >= minLines {
			name = base + "_" + snake(key)
		}
		if total <= maxLines || name == base {
			for _, g := range gs {
				files[name] = append(files[name], groups[g]...)
			}
			continue
		}
		for _, g := range gs {
			_, kind, _ := strings.Cut(g, "\x00")
			part := name
			if kind != "" && kind != "type" {
				part = name + "_" + kind
			}
			files[part] = append(files[part], groups[g]...)
		}
	}
	// A base file still too long keeps only what belongs to no type and is no function;
	// the small types go to BASE_types.go, the functions that register callbacks and host
	// functions to BASE_callbacks.go, the other functions to BASE_funcs.go.
	baseLines := 0
	for _, d := range files[base] {
		baseLines += d.lines
	}
	if baseLines > maxLines {
		var keep []decl
		for _, d := range files[base] {
			switch d.job {
			case "":
				keep = append(keep, d)
			default:
				files[base+"_"+d.job] = append(files[base+"_"+d.job], d)
			}
		}
		files[base] = keep
	}
	// Parts still too long go in pieces, in order.
	for name, ds := range files {
		lines := 0
		for _, d := range ds {
			lines += d.lines
		}
		if lines <= maxLines || name == base {
			continue
		}
		delete(files, name)
		n, cur, piece := 1, 0, []decl(nil)
		for _, d := range ds {
			if cur+d.lines > maxLines && len(piece) > 0 {
				files[fmt.Sprintf("%s_%d", name, n)] = piece
				n, cur, piece = n+1, 0, nil
			}
			piece = append(piece, d)
			cur += d.lines
		}
		files[fmt.Sprintf("%s_%d", name, n)] = piece
	}
	if _, ok := files[base]; !ok {
		files[base] = nil
	}
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		var b bytes.Buffer
		b.WriteString(header)
		fmt.Fprintf(&b, "package %s\n\n", f.Name.Name)
		used := map[string]bool{}
		for _, d := range files[n] {
			for id := range d.names {
				used[id] = true
			}
		}
		var imps []string
		for name, imp := range imports {
			// Blank and dot imports (embed, side effects) stay with the base file.
			if (imp.Name != nil && (imp.Name.Name == "_" || imp.Name.Name == ".")) && n == base || used[name] {
				imps = append(imps, string(src[off(imp.Pos()):off(imp.End())]))
			}
		}
		sort.Strings(imps)
		if len(imps) > 0 {
			b.WriteString("import (\n")
			for _, imp := range imps {
				b.WriteString("\t" + imp + "\n")
			}
			b.WriteString(")\n\n")
		}
		for _, d := range files[n] {
			b.WriteString(d.text)
			b.WriteString("\n\n")
		}
		out, err := format.Source(b.Bytes())
		if err != nil {
			return fmt.Errorf("%s: %w", n, err)
		}
		if err := os.WriteFile(n+".go", out, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("%s: %d files\n", filepath.Base(path), len(names))
	return nil
}

func docOf(d ast.Decl) *ast.CommentGroup {
	switch d := d.(type) {
	case *ast.FuncDecl:
		return d.Doc
	case *ast.GenDecl:
		return d.Doc
	}
	return nil
}

// keyOf returns the type a declaration belongs to ("" for none) and its kind within
// it: "type", "get", "set" or "methods".
func keyOf(d ast.Decl, types map[string]bool) (string, string) {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && len(d.Recv.List) > 0 {
			t := d.Recv.List[0].Type
			for {
				switch x := t.(type) {
				case *ast.StarExpr:
					t = x.X
					continue
				case *ast.IndexExpr:
					t = x.X
					continue
				case *ast.IndexListExpr:
					t = x.X
					continue
				}
				break
			}
			id, _ := t.(*ast.Ident)
			if id == nil {
				return "", ""
			}
			name := d.Name.Name
			switch {
			case strings.HasPrefix(name, "Set") || strings.HasPrefix(name, "set"):
				return id.Name, "set"
			case strings.HasPrefix(name, "Get") || strings.HasPrefix(name, "get"):
				return id.Name, "get"
			}
			return id.Name, "methods"
		}
		for _, p := range []string{"new", "New"} {
			if t, ok := strings.CutPrefix(d.Name.Name, p); ok && types[t] {
				return t, "type"
			}
		}
		// Generated functions named for a type: Register_Type_Method.
		for _, part := range strings.Split(d.Name.Name, "_")[1:] {
			if types[part] {
				return part, "funcs"
			}
		}
	case *ast.GenDecl:
		if d.Tok == token.TYPE && len(d.Specs) == 1 {
			return d.Specs[0].(*ast.TypeSpec).Name.Name, "type"
		}
		// A block of constants or variables of one type goes with the type.
		if (d.Tok == token.CONST || d.Tok == token.VAR) && len(d.Specs) > 0 {
			if v, ok := d.Specs[0].(*ast.ValueSpec); ok {
				if id, ok := v.Type.(*ast.Ident); ok && types[id.Name] {
					return id.Name, "type"
				}
			}
		}
	}
	return "", ""
}

// snake turns a Go name into a file name part: GraphDescriptor -> graph_descriptor.
func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) {
			if i > 0 && !unicode.IsUpper(rune(s[i-1])) {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// splitExports takes each host function that the generated function load registers,
// "env = env.NewFunctionBuilder()...Export("wasm_bridge_TYPE_NAME")", out of load into a
// function export_TYPE_NAME of its own, which load calls: load was 2,600 lines of them.
func splitExports(path string, src []byte) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	off := func(p token.Pos) int { return fset.Position(p).Offset }
	var load *ast.FuncDecl
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "load" {
			load = fd
		}
	}
	if load == nil {
		return src, nil
	}
	type cut struct {
		from, to int
		call     string
	}
	var cuts []cut
	var funcs bytes.Buffer
	for _, st := range load.Body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			continue
		}
		if id, ok := as.Lhs[0].(*ast.Ident); !ok || id.Name != "env" {
			continue
		}
		call, ok := as.Rhs[0].(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			continue
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		lit, ok2 := call.Args[0].(*ast.BasicLit)
		if !ok || !ok2 || sel.Sel.Name != "Export" {
			continue
		}
		name, ok := strings.CutPrefix(strings.Trim(lit.Value, `"`), "wasm_bridge_")
		if !ok {
			continue
		}
		fn := "export_" + name
		fmt.Fprintf(&funcs, "\n// %s registers the host function wasm_bridge_%s.\nfunc %s(env wazero.HostModuleBuilder) wazero.HostModuleBuilder {\n\treturn %s\n}\n", fn, name, fn, src[off(as.Rhs[0].Pos()):off(as.Rhs[0].End())])
		cuts = append(cuts, cut{off(st.Pos()), off(st.End()), "env = " + fn + "(env)"})
	}
	var out bytes.Buffer
	at := 0
	for _, c := range cuts {
		out.Write(src[at:c.from])
		out.WriteString(c.call)
		at = c.to
	}
	out.Write(src[at:])
	out.Write(funcs.Bytes())
	return out.Bytes(), nil
}
