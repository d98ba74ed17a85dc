package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// TestDocsLinks checks every link between README.md and docs/*.md, and to the files of the
// tree they name: the file a link names exists, and a link to a section (#...) names a
// heading of that page, as GitHub makes a heading's anchor. A page split or a heading
// renamed breaks no reader's link unnoticed.
func TestDocsLinks(t *testing.T) {
	docs, err := filepath.Glob("../../docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	docs = append([]string{"../../README.md"}, docs...)
	anchors := map[string]map[string]bool{} // a page's anchors, by its clean path
	anchorsOf := func(path string) map[string]bool {
		if a, ok := anchors[path]; ok {
			return a
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		a := headingAnchors(string(b))
		anchors[path] = a
		return a
	}
	checked := 0
	for _, doc := range docs {
		b, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range markdownLinks(string(b)) {
			target, frag, _ := strings.Cut(l.target, "#")
			if strings.Contains(target, ":") {
				continue // another site's page, or mail
			}
			path := filepath.Clean(doc)
			if target != "" {
				path = filepath.Join(filepath.Dir(doc), target)
				if _, err := os.Stat(path); err != nil {
					t.Errorf("%s:%d: the link to %q names no file of the tree", doc, l.line, l.target)
					continue
				}
			}
			checked++
			if frag == "" {
				continue
			}
			if !strings.HasSuffix(path, ".md") {
				t.Errorf("%s:%d: the link to %q names a section of a file that is no page", doc, l.line, l.target)
				continue
			}
			if !anchorsOf(path)[frag] {
				t.Errorf("%s:%d: the link to %q names no heading of %s", doc, l.line, l.target, filepath.Base(path))
			}
		}
	}
	t.Logf("checked %d links", checked)
	if checked < 20 {
		t.Fatalf("checked %d links of the docs; the pages hold more", checked)
	}
}

// mdLink is a link of a page: its target, and the line its text starts on.
type mdLink struct {
	target string
	line   int
}

// linkPattern matches a Markdown link or image, its text over several lines if need be.
var linkPattern = regexp.MustCompile(`!?\[([^\]]*)\]\(([^)\s]+)\)`)

// markdownLinks returns the links of the Markdown page text, but those in code blocks and
// code spans, which a reader sees as written.
func markdownLinks(text string) []mdLink {
	var out []mdLink
	for _, span := range proseSpans(text, true) {
		for _, m := range linkPattern.FindAllStringSubmatchIndex(span.text, -1) {
			line := span.line + strings.Count(span.text[:m[0]], "\n")
			out = append(out, mdLink{target: span.text[m[4]:m[5]], line: line})
		}
	}
	return out
}

// proseSpan is a stretch of a page outside code blocks, and the line it starts on.
type proseSpan struct {
	text string
	line int
}

// codeSpan matches an inline code span.
var codeSpan = regexp.MustCompile("`[^`]*`")

// proseSpans returns the stretches of text between its fenced code blocks, with their
// code spans blanked out if blank.
func proseSpans(text string, blank bool) []proseSpan {
	var out []proseSpan
	var cur []string
	start, fenced := 1, false
	flush := func() {
		if len(cur) > 0 {
			s := strings.Join(cur, "\n")
			if blank {
				s = codeSpan.ReplaceAllStringFunc(s, func(c string) string {
					return strings.Repeat(" ", len(c)-strings.Count(c, "\n")) + strings.Repeat("\n", strings.Count(c, "\n"))
				})
			}
			out = append(out, proseSpan{s, start})
		}
		cur = nil
	}
	for i, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			if !fenced {
				flush()
			}
			fenced = !fenced
			start = i + 2
			continue
		}
		if !fenced {
			cur = append(cur, l)
		}
	}
	flush()
	return out
}

// headingAnchors returns the anchors GitHub gives the headings of the Markdown page text:
// a heading's text in lower case, without punctuation, its spaces as hyphens, and "-1",
// "-2", ... after one made before.
func headingAnchors(text string) map[string]bool {
	out := map[string]bool{}
	for _, span := range proseSpans(text, false) {
		for _, l := range strings.Split(span.text, "\n") {
			h := strings.TrimLeft(l, "#")
			if h == l || !strings.HasPrefix(h, " ") || len(l)-len(h) > 6 {
				continue
			}
			// A link in a heading anchors on its text.
			h = linkPattern.ReplaceAllString(strings.TrimSpace(h), "$1")
			var b strings.Builder
			for _, r := range strings.ToLower(h) {
				switch {
				case r == ' ':
					b.WriteRune('-')
				case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
					b.WriteRune(r)
				}
			}
			a := b.String()
			for n := 1; out[a]; n++ {
				a = b.String() + "-" + strconv.Itoa(n)
			}
			out[a] = true
		}
	}
	return out
}
