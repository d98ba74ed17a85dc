#!/usr/bin/env bash
# Starts a PostgreSQL server from Debian's packages on this machine (no Docker) for the
# store tests, and sets FACTGRAPH_TEST_POSTGRES to a URL of a database they may use, and a
# streaming replica of it (a hot standby on the next port), FACTGRAPH_TEST_POSTGRES_REPLICA,
# and a PgBouncer in front of the primary (two ports up), FACTGRAPH_TEST_POSTGRES_POOLER, and
# one in transaction mode (three ports up), FACTGRAPH_TEST_POSTGRES_TXPOOLER.
#
#   source scripts/ci-postgres.sh               # what scripts/test does: exports the variable
#   eval "$(scripts/ci-postgres.sh)"            # same, from another shell
#   scripts/ci-postgres.sh stop                 # stop the server again
#
# The server is a cluster of its own (data in $FACTGRAPH_PG_DIR, default
# /tmp/factgraph-pg, port $FACTGRAPH_PG_PORT, default 54329, listening on 127.0.0.1 only),
# not Debian's "main" cluster, so it never touches a database someone else runs here. It is
# left running for the next test run; starting it again reuses it. The role it creates may
# create databases: the tests make a fresh database per test and drop it afterwards, so
# several test runs can share the server.
#
# As root it installs the postgresql package when missing and runs the server as the
# postgres user; as any other user it runs the server as that user.

_fg_pg_main() {
	local action=${1:-start}
	local dir=${FACTGRAPH_PG_DIR:-/tmp/factgraph-pg}
	local port=${FACTGRAPH_PG_PORT:-54329}
	local user=factgraph pass=factgraph db=factgraph
	local as=()

	if [ "$(id -u)" = 0 ]; then
		as=(runuser -u postgres --)
	fi
	local bin
	bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
	if [ -z "$bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "ci-postgres: installing postgresql" >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null ||
			{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null; }
		bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
	fi
	if [ -z "$bin" ]; then
		echo "ci-postgres: PostgreSQL is not installed; install the Debian package postgresql" >&2
		return 1
	fi

	if [ "$action" = stop ]; then
		for f in "$dir/pgbouncer.pid" "$dir/pgbouncer-tx.pid"; do
			if [ -f "$f" ]; then
				kill "$(cat "$f")" 2>/dev/null || true
			fi
		done
		for d in "$dir/replica" "$dir/data"; do
			if [ -f "$d/PG_VERSION" ]; then
				"${as[@]}" "$bin/pg_ctl" -D "$d" -m fast -w stop >&2 || true
			fi
		done
		return 0
	fi

	if [ ! -f "$dir/data/PG_VERSION" ]; then
		mkdir -p "$dir"
		if [ "$(id -u)" = 0 ]; then
			chown postgres: "$dir"
		fi
		"${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust \
			--auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
			cat "$dir/initdb.log" >&2
			return 1
		}
	fi
	# _fg_pg_run DATA LOG OPTIONS starts the cluster in DATA unless it runs, logging to LOG.
	_fg_pg_run() {
		if ! "${as[@]}" "$bin/pg_ctl" -D "$1" status >/dev/null 2>&1; then
			"${as[@]}" "$bin/pg_ctl" -D "$1" -l "$2" -w -t 60 -o "$3" start >/dev/null || {
				cat "$2" >&2
				return 1
			}
		fi
	}
	_fg_pg_run "$dir/data" "$dir/server.log" "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" || return 1

	local psql=("${as[@]}" "$bin/psql" -h "$dir" -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA)
	if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$user'")" != 1 ]; then
		"${psql[@]}" -c "CREATE ROLE $user LOGIN CREATEDB PASSWORD '$pass'" >/dev/null
	fi
	# The tests drop their databases WITH (FORCE), which ends an autovacuum worker only for
	# a member of pg_signal_backend (a server of the tests' own).
	"${psql[@]}" -c "GRANT pg_signal_backend TO $user" >/dev/null
	if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
		"${psql[@]}" -c "CREATE DATABASE $db OWNER $user" >/dev/null
	fi

	FACTGRAPH_TEST_POSTGRES="postgres://$user:$pass@127.0.0.1:$port/$db?sslmode=disable"
	export FACTGRAPH_TEST_POSTGRES
	echo "export FACTGRAPH_TEST_POSTGRES='$FACTGRAPH_TEST_POSTGRES'"

	# A streaming replica of it, a hot standby on the next port, for the tests of reads
	# from a replica: a base backup of the primary (pg_basebackup -R writes the settings
	# that make it follow the primary), started read-only.
	local rport=$((port + 1)) repl=factgraph_repl
	# Without a slot the primary removes its log at each checkpoint, and the tests make one
	# with every database they create or drop: a replica that falls a few seconds behind on a
	# busy machine would then ask for a segment that is gone and never catch up. The primary
	# keeps the last 2 GB of its log for it (a setting it reloads without a restart).
	if [ "$("${psql[@]}" -c "SHOW wal_keep_size")" != 2GB ]; then
		"${psql[@]}" -c "ALTER SYSTEM SET wal_keep_size = '2GB'" -c "SELECT pg_reload_conf()" >/dev/null
	fi
	# The page images of the log compressed (docs/postgres-server.md, "A primary with replicas"):
	# a bulk load's indexes are logged whole, a third less of it to send and replay. lz4
	# came with PostgreSQL 15; an older server keeps its setting.
	if "${psql[@]}" -c "SELECT 1 FROM pg_settings WHERE name = 'wal_compression' AND 'lz4' = ANY (enumvals)" | grep -q 1 &&
		[ "$("${psql[@]}" -c "SHOW wal_compression")" != lz4 ]; then
		"${psql[@]}" -c "ALTER SYSTEM SET wal_compression = 'lz4'" -c "SELECT pg_reload_conf()" >/dev/null
	fi
	if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$repl'")" != 1 ]; then
		"${psql[@]}" -c "CREATE ROLE $repl LOGIN REPLICATION PASSWORD '$pass'" >/dev/null
	fi
	# A replica that was stopped while the primary wrote more than it keeps of its log
	# (max_wal_size) can never catch up: it is made again from a new base backup.
	local try
	for try in 1 2; do
		if [ ! -f "$dir/replica/PG_VERSION" ]; then
			rm -rf "$dir/replica"
			PGPASSWORD=$pass "${as[@]}" env PGPASSWORD="$pass" "$bin/pg_basebackup" -h 127.0.0.1 -p "$port" -U "$repl" \
				-D "$dir/replica" -R -X stream >"$dir/basebackup.log" 2>&1 || {
				cat "$dir/basebackup.log" >&2
				return 1
			}
		fi
		_fg_pg_run "$dir/replica" "$dir/replica.log" \
			"-p $rport -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c hot_standby=on" || return 1
		local waited
		for waited in $(seq 50); do
			if [ "$("${psql[@]}" -c "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" -gt 0 ]; then
				break 2
			fi
			sleep 0.2
		done
		if [ "$try" = 2 ]; then
			echo "ci-postgres: the replica does not follow the primary; see $dir/replica.log" >&2
			return 1
		fi
		echo "ci-postgres: the replica does not follow the primary (see $dir/replica.log); making it again" >&2
		"${as[@]}" "$bin/pg_ctl" -D "$dir/replica" -m fast -w stop >/dev/null 2>&1 || true
		rm -rf "$dir/replica"
	done
	FACTGRAPH_TEST_POSTGRES_REPLICA="postgres://$user:$pass@127.0.0.1:$rport/$db?sslmode=disable"
	export FACTGRAPH_TEST_POSTGRES_REPLICA
	echo "export FACTGRAPH_TEST_POSTGRES_REPLICA='$FACTGRAPH_TEST_POSTGRES_REPLICA'"

	# Two PgBouncers in front of the primary (docs/postgres-server.md, "Through a connection
	# pooler"): two ports up in session mode, where each client gets a server connection of
	# its own for as long as it is connected and the next client gets it warm; three ports
	# up in transaction mode, where each transaction of a client gets whichever server
	# connection is free.
	local pgb=/usr/sbin/pgbouncer
	if [ ! -x "$pgb" ]; then
		echo "ci-postgres: pgbouncer is not installed (the Debian package pgbouncer); no pooler" >&2
		return 0
	fi
	local mode name pport var
	for mode in session transaction; do
		if [ "$mode" = session ]; then
			name=pgbouncer pport=$((port + 2)) var=FACTGRAPH_TEST_POSTGRES_POOLER
		else
			name=pgbouncer-tx pport=$((port + 3)) var=FACTGRAPH_TEST_POSTGRES_TXPOOLER
		fi
		# A pid file left by a machine that stopped may name another process by now.
		if [ "$(cat "/proc/$(cat "$dir/$name.pid" 2>/dev/null)/comm" 2>/dev/null)" != pgbouncer ]; then
			rm -f "$dir/$name.pid" # or PgBouncer takes it for a running one and stops
			printf '"%s" "%s"\n' "$user" "$pass" >"$dir/$name.users"
			cat >"$dir/$name.ini" <<-EOF
				[databases]
				* = host=127.0.0.1 port=$port

				[pgbouncer]
				listen_addr = 127.0.0.1
				listen_port = $pport
				unix_socket_dir =
				auth_type = scram-sha-256
				auth_file = $dir/$name.users
				pool_mode = $mode
				default_pool_size = 40
				max_client_conn = 200
				ignore_startup_parameters = extra_float_digits
				logfile = $dir/$name.log
				pidfile = $dir/$name.pid
			EOF
			if [ "$(id -u)" = 0 ]; then
				chown postgres: "$dir/$name.users" "$dir/$name.ini"
			fi
			chmod 600 "$dir/$name.users"
			"${as[@]}" "$pgb" -d "$dir/$name.ini" || {
				tail -n 20 "$dir/$name.log" >&2
				return 1
			}
		fi
		printf -v "$var" '%s' "postgres://$user:$pass@127.0.0.1:$pport/$db?sslmode=disable"
		export "${var?}"
		echo "export $var='${!var}'"
	done
}

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
	# Sourced: export into the caller's shell, leave its options alone, report on stderr.
	# Without a server the store tests skip PostgreSQL, or fail when CI is set.
	_fg_pg_main start >&2 || echo "ci-postgres: no PostgreSQL server started" >&2
else
	set -euo pipefail
	_fg_pg_main "$@"
fi
