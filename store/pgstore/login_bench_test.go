package pgstore

import (
	"database/sql"
	"os"
	"testing"

	"github.com/factgraph/factgraph/store/storetest"
)

// BenchmarkLogin times what each command pays before its first answer: a new connection
// (a server process started for it, and the login) and one statement, straight to the
// test server over TCP, through its pooler, and, when FACTGRAPH_BENCH_PG_SOCKET holds a
// connection string for the server's Unix socket, over that (without a password where
// the server trusts local logins, as scripts/ci-postgres.sh sets it up):
//
//	go test -run '^$' -bench Login ./store/pgstore/
//	FACTGRAPH_BENCH_PG_SOCKET='host=/tmp/factgraph-pg port=54329 user=factgraph dbname=factgraph sslmode=disable' go test -run '^$' -bench Login ./store/pgstore/
func BenchmarkLogin(b *testing.B) {
	base := storetest.PostgresBase(b)
	login := func(b *testing.B, addr string) {
		for b.Loop() {
			db, err := sql.Open("postgres", addr)
			if err != nil {
				b.Fatal(err)
			}
			var one int
			if err := db.QueryRow(`SELECT 1`).Scan(&one); err != nil {
				b.Fatal(err)
			}
			db.Close()
		}
	}
	b.Run("tcp", func(b *testing.B) { login(b, base) })
	b.Run("pooler", func(b *testing.B) { login(b, storetest.OnPooler(b, base)) })
	if socket := os.Getenv("FACTGRAPH_BENCH_PG_SOCKET"); socket != "" {
		b.Run("socket", func(b *testing.B) { login(b, socket) })
	}
}
