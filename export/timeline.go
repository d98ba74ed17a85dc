package export

import "github.com/factgraph/factgraph/graph"

// NodeSpan is when n is on a timeline: its Span, when the view set one; else, from its
// dates, the period from since to until, an agreement from its date on, or any other dated
// item at its date, an instant. The zero Span means all the time.
func NodeSpan(n *Node) Span {
	if !n.Span.IsZero() {
		return n.Span
	}
	switch {
	case !n.Since.IsZero() || !n.Until.IsZero():
		return period(n.Since, n.Until)
	case n.Kind == graph.KindAgreement && !n.Date.IsZero():
		return Span{Start: day(n.Date.Start())}
	}
	return instant(n.Date)
}

// EdgeSpan is NodeSpan for edges: its Span, else the period from since to until, else the
// instant of its date.
func EdgeSpan(e *Edge) Span {
	if !e.Span.IsZero() {
		return e.Span
	}
	if !e.Since.IsZero() || !e.Until.IsZero() {
		return period(e.Since, e.Until)
	}
	return instant(e.Date)
}
