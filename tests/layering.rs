//! The layering rule: only the UI module (`src/ui/`) and the web entry
//! (`src/bin/app.rs`) may name the web crates. Everything
//! else is core: plain Rust that compiles and tests natively.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

const WEB_CRATES: &[&str] = &["yew", "web_sys", "js_sys", "wasm_bindgen", "wasm_bindgen_futures", "gloo", "plotters_canvas"];

fn is_web_layer(rel: &Path) -> bool {
    rel.starts_with("src/ui") || rel == Path::new("src/bin/app.rs")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The web crates a piece of source code names, ignoring comments and strings.
fn web_crates_named(source: &str) -> Vec<(usize, &'static str)> {
    let mut found = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let code = strip_strings(code);
        let words = code.split(|c: char| !(c.is_alphanumeric() || c == '_'));
        for word in words {
            if let Some(name) = WEB_CRATES.iter().find(|name| **name == word) {
                found.push((n + 1, *name));
            }
        }
    }
    found
}

fn strip_strings(code: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    for c in code.chars() {
        if c == '"' {
            in_string = !in_string;
        } else if !in_string {
            out.push(c);
        }
    }
    out
}

#[test]
fn core_modules_name_no_web_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() >= 3, "expected the source tree under src/");
    let mut violations = Vec::new();
    for path in files {
        let rel = path.strip_prefix(root).expect("under the manifest dir").to_path_buf();
        if is_web_layer(&rel) {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("readable source");
        for (line, name) in web_crates_named(&source) {
            violations.push(format!("{}:{line} names `{name}`", rel.display()));
        }
    }
    assert!(violations.is_empty(), "core modules must not name web crates:\n{}", violations.join("\n"));
}

#[test]
fn the_checker_sees_imports_and_paths_but_not_prose() {
    assert_eq!(web_crates_named("use yew::prelude::*;"), vec![(1, "yew")]);
    assert_eq!(web_crates_named("let w = web_sys::window();"), vec![(1, "web_sys")]);
    assert_eq!(web_crates_named("// only the UI knows yew"), vec![]);
    assert_eq!(web_crates_named("let s = \"gloo\";"), vec![]);
    assert_eq!(web_crates_named("let yewish = 1;"), vec![]);
}
