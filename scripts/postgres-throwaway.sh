#!/usr/bin/env bash
# Starts (or stops) a throw-away PostgreSQL cluster for the tests, on a free loopback port, in a new
# temporary folder, with trust authentication on 127.0.0.1 only. Source it, then:
#   postgres_throwaway_start   # sets RESPONDER_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:PORT/postgres
#   postgres_throwaway_stop    # stops the cluster and removes its folder
# As root the cluster runs as the `postgres` OS user (initdb refuses root); otherwise as the caller.

postgres_throwaway_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
        echo "error: PostgreSQL's server binaries are not installed (scripts/install-deps.sh installs the postgresql package)" >&2
        return 1
    fi
    echo "$dir"
}

postgres_throwaway_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

postgres_throwaway_start() {
    local bin port
    bin=$(postgres_throwaway_bin) || return 1
    POSTGRES_THROWAWAY_DIR=$(mktemp -d /tmp/responder-pg.XXXXXX)
    chmod 755 "$POSTGRES_THROWAWAY_DIR"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$POSTGRES_THROWAWAY_DIR"; fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    postgres_throwaway_as_owner "$bin/initdb" -D "$POSTGRES_THROWAWAY_DIR/data" -U postgres --auth=trust --no-sync -E UTF8 \
        >"$POSTGRES_THROWAWAY_DIR/initdb.log" 2>&1 || { cat "$POSTGRES_THROWAWAY_DIR/initdb.log" >&2; return 1; }
    postgres_throwaway_as_owner "$bin/pg_ctl" -D "$POSTGRES_THROWAWAY_DIR/data" -l "$POSTGRES_THROWAWAY_DIR/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $POSTGRES_THROWAWAY_DIR -c fsync=off -c max_connections=200" start >/dev/null \
        || { cat "$POSTGRES_THROWAWAY_DIR/server.log" >&2; return 1; }
    POSTGRES_THROWAWAY_BIN=$bin
    export RESPONDER_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
    echo "throw-away PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($POSTGRES_THROWAWAY_DIR)" >&2
}

postgres_throwaway_stop() {
    if [ -n "${POSTGRES_THROWAWAY_DIR:-}" ] && [ -d "$POSTGRES_THROWAWAY_DIR" ]; then
        postgres_throwaway_as_owner "$POSTGRES_THROWAWAY_BIN/pg_ctl" -D "$POSTGRES_THROWAWAY_DIR/data" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$POSTGRES_THROWAWAY_DIR"
    fi
    POSTGRES_THROWAWAY_DIR=""
}
