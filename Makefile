# The two commands a fresh machine needs (see README):
#   make demo   set up, build, and run esi on the bundled sample (embedded store, no server)
#   make test   set up (protoc, etcd-server) and run every test against a real etcd
.PHONY: demo test build bench docs

demo:
	scripts/setup.sh
	cargo build --release --quiet
	scripts/demo.sh target/release/esi

test:
	scripts/setup.sh --test
	cargo test --all-targets

build:
	scripts/setup.sh
	cargo build --release

bench: build
	bench/run.sh
