//! The native command-line front: `computedeal --help`, `--version`.

use std::io::Write;

const HELP: &str = "computedeal: what does a giant AI-compute deal buy, cost and earn?

Usage:
  computedeal --help       print this help
  computedeal --version    print the version
";

/// Runs the command line; returns the process exit status.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match args.first().map(String::as_str) {
        None | Some("--help") | Some("-h") | Some("help") => {
            let _ = out.write_all(HELP.as_bytes());
            0
        }
        Some("--version") | Some("-V") => {
            let _ = writeln!(out, "computedeal {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Some(other) => {
            let _ = writeln!(err, "computedeal: unknown command '{other}'; try computedeal --help");
            2
        }
    }
}
