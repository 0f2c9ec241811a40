//! Replays every fuzz target's committed corpus (`fuzz/seeds/<target>/`, made by
//! `fuzz/make-corpus.sh` and grown by `cargo fuzz run`): a regression run of the parsers on
//! every input that ever mattered, in the normal test suite, without libFuzzer.

use std::path::Path;

use tokenward::fuzz_targets::ALL;

#[test]
fn every_target_has_a_corpus_and_survives_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    for (name, target) in ALL {
        let dir = root.join(name);
        let files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("no corpus for {name} in {}: {e}", dir.display()))
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        assert!(!files.is_empty(), "the corpus of {name} is empty");
        for file in files {
            let data = std::fs::read(&file).unwrap();
            let outcome = std::panic::catch_unwind(|| target(&data));
            assert!(outcome.is_ok(), "{name} panicked on {}", file.display());
            // Every prefix too: truncated files are what the field sees most.
            for cut in (0..data.len()).step_by((data.len() / 16).max(1)) {
                let outcome = std::panic::catch_unwind(|| target(&data[..cut]));
                assert!(
                    outcome.is_ok(),
                    "{name} panicked on the first {cut} bytes of {}",
                    file.display()
                );
            }
        }
    }
}

#[test]
fn the_uri_target_accepts_slot_id_which_is_never_printed() {
    // The old target asserted a round trip that slot-id breaks by design.
    tokenward::fuzz_targets::uri(b"pkcs11:slot-id=7;token=x");
}
