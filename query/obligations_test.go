package query

import (
	"reflect"
	"strings"
	"testing"
)

func TestObligations(t *testing.T) {
	g := small(t)
	row := func(r ObligationRow) string { return r.ID }
	tests := []struct {
		name    string
		opts    ObligationsOptions
		want    []string
		balance []Balance
		err     string
	}{
		{name: "all", want: []string{"japan-bases", "japan-funds", "japan-defend-us", "japan-renegotiate", "us-defend-japan"}},
		{name: "between", opts: ObligationsOptions{Between: [2]string{"united-states", "japan"}},
			want: []string{"us-defend-japan", "japan-bases", "japan-funds", "japan-defend-us", "japan-renegotiate"},
			balance: []Balance{
				{Bearer: Ref{"united-states", "United States"}, Beneficiary: Ref{"japan", "Japan"}, InForce: 1, Total: 1},
				{Bearer: Ref{"japan", "Japan"}, Beneficiary: Ref{"united-states", "United States"}, InForce: 2, Absent: 1, Demanded: 1, Total: 4},
			}},
		{name: "between by name", opts: ObligationsOptions{Between: [2]string{"USA", "donald trump"}}, want: []string{},
			balance: []Balance{
				{Bearer: Ref{"united-states", "United States"}, Beneficiary: Ref{"donald-trump", "Donald Trump"}},
				{Bearer: Ref{"donald-trump", "Donald Trump"}, Beneficiary: Ref{"united-states", "United States"}},
			}},
		{name: "bearer", opts: ObligationsOptions{Bearer: "united-states"}, want: []string{"us-defend-japan"}},
		{name: "status", opts: ObligationsOptions{Status: "absent"}, want: []string{"japan-defend-us"}},
		{name: "bearer and status", opts: ObligationsOptions{Bearer: "japan", Status: "in-force"}, want: []string{"japan-bases", "japan-funds"}},
		{name: "unknown bearer", opts: ObligationsOptions{Bearer: "jpan"}, err: `bearer: no such party "jpan"; did you mean "japan"?`},
		{name: "unknown between", opts: ObligationsOptions{Between: [2]string{"united-states", "jpan"}}, err: `no such party "jpan"; did you mean "japan"?`},
		{name: "between one", opts: ObligationsOptions{Between: [2]string{"united-states", ""}}, err: "between needs two parties, got one"},
		{name: "between itself", opts: ObligationsOptions{Between: [2]string{"united-states", "US"}}, err: `between needs two different parties, got "united-states" twice`},
		{name: "bad status", opts: ObligationsOptions{Status: "enforced"}, err: `unknown obligation status "enforced"`},
		{name: "claim as bearer", opts: ObligationsOptions{Bearer: "trump-unfair"}, err: `bearer: "trump-unfair" is a claim, not a party`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Obligations(g, tt.opts)
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(r.Obligations, row); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("obligations = %q, want %q", got, tt.want)
			}
			if !reflect.DeepEqual(r.Balance, tt.balance) {
				t.Errorf("balance = %+v, want %+v", r.Balance, tt.balance)
			}
		})
	}
}
