//! What the compiler cannot see about the layout. Cargo already enforces
//! the direction core ← engine ← present ← web app and CLI (a crate cannot
//! name one it does not depend on); these tests check the rest:
//!
//! - no source file imports another that imports it back, in any crate
//!   (Rust allows circular imports between modules of one crate);
//! - the core crate depends on serde, serde_json and libm only, the engine
//!   on the core, serde, serde_json, libm and wide only, and the
//!   presentation crate on the core, the engine, serde and plotters only;
//! - the core and the engine hold nothing thread-local and no mutable
//!   statics.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
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

/// Source code without comments and string literals (roughly: enough for
/// `crate::` paths not to be found in prose).
fn code_only(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut in_str = false;
        let mut prev = ' ';
        for c in code.chars() {
            if c == '"' && prev != '\\' {
                in_str = !in_str;
            } else if !in_str {
                out.push(c);
            }
            prev = c;
        }
        out.push('\n');
    }
    out
}

/// The module path of a file under a crate's `src/` (`charts::common`).
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap_or(file);
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string()).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        parts.pop();
    }
    parts
}

/// Identifier paths after `prefix` in `code`: `crate::a::b` and
/// `crate::{a::b, c}` give `[a, b]` and `[c]`.
fn paths_after(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let ident = |s: &str| s.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect::<String>();
    let mut rest = code;
    while let Some(i) = rest.find(prefix) {
        let before = rest[..i].chars().last();
        rest = &rest[i + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let inner: String = group.chars().take_while(|c| *c != '}').collect();
            for item in inner.split(',') {
                let p = ident(item.trim());
                out.push(p.split("::").filter(|s| !s.is_empty()).map(String::from).collect());
            }
        } else {
            let p = ident(rest);
            out.push(p.split("::").filter(|s| !s.is_empty()).map(String::from).collect());
        }
    }
    out
}

/// Each file's imports of other files of the same crate.
fn import_graph(src: &Path) -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let by_module: BTreeMap<Vec<String>, PathBuf> = files.iter().map(|f| (module_of(src, f), f.clone())).collect();
    // The longest module prefix of a path that is a file of the crate.
    let resolve = |path: &[String]| -> Option<PathBuf> { (1..=path.len()).rev().find_map(|n| by_module.get(&path[..n]).cloned()) };
    let mut graph = BTreeMap::new();
    for file in &files {
        let code = code_only(&std::fs::read_to_string(file).unwrap_or_default());
        let me = module_of(src, file);
        let is_dir_module = file.file_name().is_some_and(|n| n == "mod.rs" || n == "lib.rs" || n == "main.rs");
        let parent: Vec<String> =
            if is_dir_module { me.iter().take(me.len().saturating_sub(1)).cloned().collect() } else { me[..me.len().saturating_sub(1)].to_vec() };
        let here: Vec<String> = if is_dir_module { me.clone() } else { parent.clone() };
        let mut targets = BTreeSet::new();
        for p in paths_after(&code, "crate::") {
            targets.extend(resolve(&p));
        }
        // Inside an inline module (`mod tests { use super::*; }`), `super` is this file.
        let inline = code.lines().position(|l| {
            let t = l.trim_start().trim_start_matches("pub ");
            t.starts_with("mod ") && t.trim_end().ends_with('{')
        });
        let (outer, inner) = match inline {
            Some(n) => {
                let mut lines = code.lines();
                let outer: Vec<&str> = lines.by_ref().take(n).collect();
                (outer.join("\n"), lines.collect::<Vec<_>>().join("\n"))
            }
            None => (code.clone(), String::new()),
        };
        for (text, base) in [(&outer, &parent), (&inner, &me)] {
            for p in paths_after(text, "super::") {
                let full: Vec<String> = base.iter().cloned().chain(p).collect();
                targets.extend(resolve(&full).or_else(|| by_module.get(base).cloned()));
            }
        }
        // A parent that calls into a module it declares (`scalar::evaluate`).
        for line in code.lines() {
            let t = line.trim();
            let Some(name) = t.strip_prefix("pub mod ").or_else(|| t.strip_prefix("mod ")).and_then(|r| r.strip_suffix(';')) else { continue };
            let child: Vec<String> = here.iter().cloned().chain([name.to_string()]).collect();
            if paths_after(&code, &format!("{name}::")).iter().any(|_| true)
                || code.contains(&format!("use {name}::"))
                || code.contains(&format!("pub use {name}::"))
            {
                targets.extend(by_module.get(&child).cloned());
            }
        }
        targets.remove(file);
        graph.insert(file.clone(), targets);
    }
    graph
}

fn cycles(graph: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Vec<String> {
    let mut found = Vec::new();
    for (a, targets) in graph {
        for b in targets {
            if graph.get(b).is_some_and(|t| t.contains(a)) && a < b {
                found.push(format!("{} <-> {}", a.display(), b.display()));
            }
        }
    }
    found
}

#[test]
fn no_file_imports_another_that_imports_it_back() {
    let r = root();
    for src in [r.join("src"), r.join("crates/core/src"), r.join("crates/engine/src"), r.join("crates/present/src"), r.join("crates/cli/src")] {
        let graph = import_graph(&src);
        assert!(graph.len() >= 2, "{} has its files", src.display());
        let found = cycles(&graph);
        assert!(found.is_empty(), "files that import each other in {}:\n{}", src.display(), found.join("\n"));
    }
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    // A parent that calls a child that names the parent back.
    let dir = std::env::temp_dir().join(format!("computedeal-structure-{}", std::process::id()));
    let _ = std::fs::create_dir_all(dir.join("batch"));
    let write = |p: &str, text: &str| std::fs::write(dir.join(p), text).expect("written");
    write("lib.rs", "pub mod batch;\npub mod model;\n");
    write("model.rs", "use crate::batch::Batch;\n");
    write("batch/mod.rs", "pub mod simd;\npub struct Batch;\npub fn f() { simd::g() }\n");
    write("batch/simd.rs", "use super::Batch;\npub fn g() {}\n");
    let found = cycles(&import_graph(&dir));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("batch/mod.rs") && found[0].contains("batch/simd.rs"), "{found:?}");
}

/// The names in a manifest's `[dependencies]` table.
fn dependencies(manifest: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(manifest).unwrap_or_default();
    let mut in_deps = false;
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            in_deps = t == "[dependencies]";
        } else if in_deps && !t.is_empty() && !t.starts_with('#') {
            if let Some(name) = t.split(['=', '.']).next() {
                out.insert(name.trim().to_string());
            }
        }
    }
    out
}

#[test]
fn the_core_and_the_presentation_depend_on_what_they_say() {
    let r = root();
    let set = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<BTreeSet<String>>();
    assert_eq!(dependencies(&r.join("crates/core/Cargo.toml")), set(&["serde", "serde_json", "libm"]));
    assert_eq!(dependencies(&r.join("crates/engine/Cargo.toml")), set(&["computedeal-core", "serde", "serde_json", "libm", "wide"]));
    assert_eq!(dependencies(&r.join("crates/present/Cargo.toml")), set(&["computedeal-core", "computedeal-engine", "serde", "plotters", "plotters-backend"]));
    // The native rasterizer is the command line's alone: the page and the
    // presentation never build it (it would not fit the wasm budget).
    for manifest in ["Cargo.toml", "crates/present/Cargo.toml", "crates/engine/Cargo.toml", "crates/core/Cargo.toml"] {
        let text = std::fs::read_to_string(r.join(manifest)).unwrap_or_default();
        assert!(!text.lines().any(|l| l.trim_start().starts_with("resvg")), "{manifest} names resvg");
    }
    // No target-specific dependency sneaks a browser crate into them.
    for krate in ["core", "engine", "present"] {
        let text: String = std::fs::read_to_string(r.join(format!("crates/{krate}/Cargo.toml")))
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n");
        for web in ["yew", "web-sys", "js-sys", "wasm-bindgen =", "gloo", "plotters-canvas"] {
            let deps_only = text.split("dev-dependencies").next().unwrap_or("");
            assert!(!deps_only.contains(web), "computedeal-{krate} names {web}");
        }
    }
}

#[test]
fn the_core_and_the_engine_hold_nothing_thread_local_or_mutable_and_global() {
    let mut files = Vec::new();
    rust_files(&root().join("crates/core/src"), &mut files);
    rust_files(&root().join("crates/engine/src"), &mut files);
    assert!(files.iter().any(|f| f.ends_with("batch/simd.rs")), "the engine's files are read");
    for file in files {
        let code = code_only(&std::fs::read_to_string(&file).unwrap_or_default());
        for banned in ["thread_local!", "static mut ", "RefCell<", "Cell<"] {
            assert!(!code.contains(banned), "{} uses {banned}", file.display());
        }
    }
}
