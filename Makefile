# Thin front door: everything real happens in CMake, CTest and scripts/.
BUILD_DIR ?= build
TEST_BUILD_DIR ?= build-test
FUZZ_BUILD_DIR ?= build-fuzz
BENCH_BUILD_DIR ?= build-bench
FUZZ_SECONDS ?= 30
PREFIX ?= /usr/local
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build run test fuzz bench format format-check install deb clean

all: build

deps:
	@scripts/install-deps.sh build

build: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPEBBLE_BUILD_TESTS=OFF >/dev/null
	cmake --build $(BUILD_DIR) -j$(JOBS) --target pebble

run: build
	$(BUILD_DIR)/pebble test-metrics --show-metrics

test:
	@scripts/install-deps.sh fuzz
	scripts/run-tests.sh $(TEST_BUILD_DIR)

# libFuzzer targets built with clang in $(FUZZ_BUILD_DIR), each run for FUZZ_SECONDS; fails on any finding.
fuzz:
	@scripts/install-deps.sh fuzz
	scripts/run-fuzz.sh $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS)

# Release build with the benchmark programs (the parse bench needs pebble_feed_parse_bench).
bench:
	@scripts/install-deps.sh bench
	cmake -S . -B $(BENCH_BUILD_DIR) -DCMAKE_BUILD_TYPE=Release -DPEBBLE_BUILD_TESTS=OFF -DPEBBLE_BUILD_BENCH=ON >/dev/null
	cmake --build $(BENCH_BUILD_DIR) -j$(JOBS) --target pebble pebble_feed_parse_bench
	tests/bench/run.sh $(BENCH_BUILD_DIR)/pebble

format:
	clang-format -i $$(git ls-files --cached --others --exclude-standard '*.cpp' '*.h')

format-check:
	clang-format --dry-run --Werror $$(git ls-files --cached --others --exclude-standard '*.cpp' '*.h')

install: build
	cmake --install $(BUILD_DIR) --prefix $(PREFIX)

# A Debian package (pebble_<version>_<arch>.deb) of the release build, in $(BUILD_DIR).
deb: build
	cd $(BUILD_DIR) && cpack -G DEB

# Every build tree the targets above make: `make test` also builds its fuzz targets in
# $(TEST_BUILD_DIR)-fuzz (scripts/run-tests.sh).
clean:
	rm -rf $(BUILD_DIR) $(TEST_BUILD_DIR) $(TEST_BUILD_DIR)-fuzz $(FUZZ_BUILD_DIR) $(BENCH_BUILD_DIR)
