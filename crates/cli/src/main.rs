//! The `computedeal` command-line binary: the same core as the page, with
//! its words in English from computedeal-present (see `cli`).

mod cli;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}
