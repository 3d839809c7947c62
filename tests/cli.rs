//! The command-line binary, run as a user would.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn computedeal(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_computedeal")).args(args).output().expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn version_prints_the_package_version() {
    let (code, out, _) = computedeal(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), format!("computedeal {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn help_lists_the_commands() {
    let (code, out, _) = computedeal(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Usage:") && out.contains("--version"), "{out}");
}

#[test]
fn an_unknown_command_exits_2_with_a_message() {
    let (code, out, err) = computedeal(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("frobnicate"), "{err}");
}
