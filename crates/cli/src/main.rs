//! The `computedeal` command-line binary (see the library for the commands).

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let code = computedeal_cli::run(&args, &mut std::io::stdin().lock(), &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}
