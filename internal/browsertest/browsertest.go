// Package browsertest drives a real Chromium for the tests of the page factgraph writes and
// serves (export/html, serve): headless, drawing WebGL through SwiftShader, with every
// console message, uncaught exception, dialog and request of the page recorded, so that a
// test can say the page loaded with no error, ran no script it should not and asked the
// network for nothing.
//
// Chromium comes from Debian (chromium-headless-shell or chromium; scripts/test installs
// it). Without it a test is skipped, unless the CI environment variable is set: then it
// fails, since in CI the browser checks must run.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/factgraph/factgraph/internal/programtest"
)

// Browsers are the programs tried, in order.
var Browsers = []string{"chromium-headless-shell", "chromium", "chrome-headless-shell", "google-chrome"}

// Path is the path of a Chromium, or the test stops: skipped, or failed when CI is set.
func Path(t testing.TB) string {
	t.Helper()
	for _, b := range Browsers {
		if p, err := exec.LookPath(b); err == nil {
			return p
		}
	}
	programtest.Missing(t, "no Chromium found (tried %s): apt-get install chromium-headless-shell", strings.Join(Browsers, ", "))
	return ""
}

// Tab is one page in a headless Chromium, and what it has reported.
type Tab struct {
	Ctx context.Context

	mu       sync.Mutex
	errors   []string // console errors, uncaught exceptions, error log entries
	messages []string // every console message and log entry
	dialogs  []string
	requests []string // URLs the page asked for
}

// Width and Height are the size of the window, in CSS pixels.
const Width, Height = 1280, 800

// New starts a Chromium for the test and opens a tab; both end with the test.
func New(t testing.TB) *Tab {
	t.Helper()
	path := Path(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.WindowSize(Width, Height),
		chromedp.Flag("use-angle", "swiftshader"),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("ignore-gpu-blocklist", true),
	)
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox)
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	tab := &Tab{}
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithListener(tab.record))
	tab.Ctx = ctx
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for _, err := range dialogs {
			if err != nil {
				return
			}
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return tab
}

// record keeps what the page reports; it runs in the tab's message loop.
func (tab *Tab) record(ev any) {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		var parts []string
		for _, a := range ev.Args {
			if len(a.Value) > 0 {
				parts = append(parts, string(a.Value))
			} else {
				parts = append(parts, a.Description)
			}
		}
		msg := fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(parts, " "))
		tab.messages = append(tab.messages, msg)
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			tab.errors = append(tab.errors, msg)
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := "uncaught: " + d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		tab.errors = append(tab.errors, msg)
		tab.messages = append(tab.messages, msg)
	case *cdplog.EventEntryAdded:
		msg := fmt.Sprintf("log %s %s: %s %s", ev.Entry.Level, ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
		tab.messages = append(tab.messages, msg)
		if ev.Entry.Level == cdplog.EntryLevelError {
			tab.errors = append(tab.errors, msg)
		}
	case *page.EventJavascriptDialogOpening:
		tab.dialogs = append(tab.dialogs, string(ev.Type)+": "+ev.Message)
	case *network.EventRequestWillBeSent:
		tab.requests = append(tab.requests, ev.Request.URL)
	}
}

// Do runs the actions, failing the test on an error; each Do has at most a minute.
func (tab *Tab) Do(t testing.TB, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab.Ctx, time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("browser: %v\nwhat the page reported:\n%s", err, strings.Join(tab.Messages(), "\n"))
	}
}

// Eval evaluates the JavaScript expression (awaiting a promise) and returns its value.
func Eval[T any](t testing.TB, tab *Tab, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab.Ctx, time.Minute)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v\nwhat the page reported:\n%s", expr, err, strings.Join(tab.Messages(), "\n"))
	}
	return v
}

// Wait waits until the JavaScript expression is true, for at most 20 seconds.
func (tab *Tab) Wait(t testing.TB, expr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab.Ctx, time.Minute)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v\nwhat the page reported:\n%s", expr, err, strings.Join(tab.Messages(), "\n"))
	}
}

// Open loads url and waits until the page says it is ready (body data-ready="true", set
// when the first view is drawn).
func (tab *Tab) Open(t testing.TB, url string) {
	t.Helper()
	tab.Do(t, chromedp.Navigate(url))
	tab.Wait(t, `document.body && document.body.dataset.ready === "true"`)
}

// Screenshot returns a PNG of the window.
func (tab *Tab) Screenshot(t testing.TB) []byte {
	t.Helper()
	b, err := chromedp.Run(tab.Ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	return b
}

// Errors returns the errors the page reported so far.
func (tab *Tab) Errors() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.errors...)
}

// Messages returns everything the page reported so far.
func (tab *Tab) Messages() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.messages...)
}

// Dialogs returns the alert, confirm and prompt dialogs the page opened.
func (tab *Tab) Dialogs() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.dialogs...)
}

// Requests returns the URLs the page asked for, the page itself included.
func (tab *Tab) Requests() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.requests...)
}

// NoErrors fails the test if the page reported an error.
func (tab *Tab) NoErrors(t testing.TB) {
	t.Helper()
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("the page reported %d errors:\n%s", len(errs), strings.Join(errs, "\n"))
	}
}
