//! The `computedeal` command line: the same core as the page, with its
//! words in English from computedeal-present. A library (run in-process by
//! the tests and the fuzz layer) and a thin binary (`main.rs`).
//!
//! `computedeal eval [QUERY | FILE.json]` prints one JSON object with the
//! outcome of a scenario; `params` prints the parameter table and `presets`
//! the presets. Bad input exits with status 2 and says why on stderr.

use std::ffi::OsString;
use std::io::{Read, Write};

use serde_json::{json, Map, Value};

pub mod chart;
pub mod portfolio;
pub mod site;

use computedeal_core::codec::{self, Decoded};
use computedeal_core::notice::{Notice, Problem, Severity};
use computedeal_core::params::{Kind, P};
use computedeal_core::presets::PRESETS;
use computedeal_core::sources;
use computedeal_present::i18n::{param_text, preset_text, Lang};
use computedeal_present::notices::{notice_text, undefined_text};

const HELP: &str = "computedeal: what does a giant AI-compute deal buy, cost and earn?

Usage:
  computedeal eval [QUERY | FILE.json | -]
      Evaluate a scenario and print its outcome as JSON. QUERY is the
      calculator's URL query, e.g. 'preset=microsoft-iren-2025&pue=1.3';
      FILE.json (or - for stdin) is an exported scenario. No argument
      evaluates the default deal (AWS-OpenAI, Nov 2025).
  computedeal mc [QUERY | FILE.json] [--samples N] [--seed S] [--threads T]
      Monte Carlo over the scenario's uncertain inputs (the presets carry
      default ranges; a query can give any numeric input a distribution,
      e.g. 'pue=1.1~1.35&electricity_usd_per_mwh=tri:45,70,110' and
      'corr=capex_usd_per_accelerator:electricity_usd_per_mwh:0.4').
      Prints mean, sd, P5, P50, P95 per output and the probability of loss.
      --samples and --seed override the query's (1,000 to 1,000,000).
  computedeal chart CHART [QUERY] [--format png|svg] [--width N] [--height N]
                  [--scale S] [--url URL] [--out FILE] [--threads T]
      Draw one chart of the view in QUERY (scenario, lang=, currency=,
      theme=, output=, title=, portfolio=) as the page's download draws it:
      the chart with its title, the scenario, the source line and URL
      (default index.html?QUERY). CHART is one of:
        {charts}.
      The image is --width x --height CSS pixels, frame included (default
      820 x 500; 320-4000 wide, 280-4000 high); a PNG has --scale pixels
      per CSS pixel (default 2, 0.5 to 4). The format is --format, else
      the --out file's extension, else SVG; without --out the image goes
      to stdout. The same query gives the same bytes on every machine
      (fonts compiled in).
  computedeal site DIST [--site-url URL] [--threads T]
      What make dist adds to the built page in DIST for every preset:
      deal-PRESET.html (the page opening on the preset, with its title,
      description, og: and Twitter card tags, oEmbed link and a noscript
      with the headline, lead figures and chart images),
      deal-PRESET.oembed.json, images/PRESET/CHART.svg and .png, and
      images/PRESET/card.png (1200 x 630). --site-url (http or https) makes
      the tags' addresses absolute, as link previews need.
  computedeal portfolio [QUERY] [--json]
      OpenAI's announced compute commitments by year (dollars falling due,
      gigawatts ramping in) against its revenue (reported, and its published
      plans as low and high paths), the share they take, the Monte Carlo
      chance that some year's exceed a share of revenue, and OpenAI's own
      statements beside the records' totals. QUERY: off=ID,ID (switch deals
      off), reading=aws-2026:b (the other reading of an ambiguous deal;
      reading=nvidia:loi counts NVIDIA's letter of intent, off by default),
      value.ID=, term.ID=, start.ID= (change a deal's terms),
      threshold= (default 1 = 100% of revenue), samples=, seed=; or the
      page's link, whose portfolio= holds the same query. The same query
      and seed give the same output. `computedeal mc 'portfolio=1&…'`
      prints the Monte Carlo alone as JSON.
  computedeal params       print the parameter table as JSON
  computedeal presets      print the presets as JSON
  computedeal --help       print this help
  computedeal --version    print the version

Exit status: 0 on success, 2 on bad input (the reasons go to stderr),
1 when the output cannot be written or drawn.

Options take values, not queries: a value of --samples, --seed,
--threads, --format, --width, --height or --scale holding & or = is
refused (put scenario keys in QUERY).
";

/// The output, remembering the first write that failed: every command
/// writes through it, and `run` turns a failed write (a full disk, a closed
/// pipe) into exit status 1 and a message on stderr, whatever the command.
struct Checked<'a> {
    inner: &'a mut dyn Write,
    failed: Option<std::io::Error>,
}

impl Write for Checked<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let r = self.inner.write(buf);
        if let Err(e) = &r {
            self.failed.get_or_insert_with(|| std::io::Error::new(e.kind(), e.to_string()));
        }
        r
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let r = self.inner.flush();
        if let Err(e) = &r {
            self.failed.get_or_insert_with(|| std::io::Error::new(e.kind(), e.to_string()));
        }
        r
    }
}

/// Runs the command line on the process's arguments (without the program
/// name), as the operating system gives them; returns the exit status. An
/// argument that is not UTF-8 is bad input, named by its position. Output
/// that cannot be written is exit status 1, said on stderr.
pub fn run(args: &[OsString], stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut text = Vec::with_capacity(args.len());
    for (i, a) in args.iter().enumerate() {
        match a.to_str() {
            Some(t) => text.push(t.to_string()),
            None => {
                let _ = writeln!(
                    err,
                    "computedeal: argument {} ('{}') is not valid UTF-8; give a query, a file name or an option as text",
                    i + 1,
                    a.to_string_lossy()
                );
                return 2;
            }
        }
    }
    run_text(&text, stdin, out, err)
}

/// Runs the command line on arguments that are text.
pub fn run_text(args: &[String], stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut checked = Checked { inner: out, failed: None };
    let code = dispatch(args, stdin, &mut checked, err);
    let _ = checked.flush();
    match checked.failed {
        Some(e) => {
            let _ = writeln!(err, "computedeal: cannot write the output: {e}");
            1
        }
        None => code,
    }
}

fn dispatch(args: &[String], stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let rest = args.get(1..).unwrap_or(&[]);
    match args.first().map(String::as_str) {
        None | Some("--help") | Some("-h") | Some("help") => {
            // The chart ids from their one table.
            let charts = computedeal_present::charts::ChartId::ALL.map(|c| c.key()).join(", ");
            let _ = out.write_all(HELP.replace("{charts}", &charts).as_bytes());
            0
        }
        Some("--version") | Some("-V") => {
            let _ = writeln!(out, "computedeal {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Some("eval") => match read_scenario("eval", rest, stdin, err) {
            Some(decoded) => print_json(out, &eval_json(&decoded)),
            None => 2,
        },
        Some("mc") => run_mc(rest, stdin, out, err),
        Some("chart") => chart::run_chart(rest, out, err),
        Some("site") => site::run_site(rest, err),
        Some("portfolio") => portfolio::run_portfolio(rest, out, err),
        Some("params") => print_json(out, &params_json()),
        Some("presets") => print_json(out, &presets_json()),
        Some(other) => {
            let _ = writeln!(err, "computedeal: unknown command '{other}'; try computedeal --help");
            2
        }
    }
}

/// Prints JSON (pretty) to `out`; the exit status.
pub fn print_json_to(out: &mut dyn Write, value: &Value) -> i32 {
    print_json(out, value)
}

fn print_json(out: &mut dyn Write, value: &Value) -> i32 {
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            let _ = writeln!(out, "{text}");
            0
        }
        Err(e) => {
            let _ = writeln!(out, "{{\"error\": \"{e}\"}}");
            1
        }
    }
}

/// Reads at most `MAX_JSON_BYTES` + 1 bytes: enough to tell a file that is
/// too big without reading all of it (`- </dev/zero` stops at the cap).
fn read_capped(mut r: impl Read) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    r.by_ref().take(codec::MAX_JSON_BYTES as u64 + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Decodes a file's bytes as the page's import does (`codec::decode_file`);
/// more than the cap was read only when the file is over it, whose size is
/// then unknown.
fn decode_bytes(bytes: Vec<u8>) -> Decoded {
    if bytes.len() > codec::MAX_JSON_BYTES {
        return codec::refused_file(Problem::FileOverCap { max: codec::MAX_JSON_BYTES });
    }
    codec::decode_file(&bytes)
}

/// Reads the scenario argument of `command`. Rejected values make it bad
/// input (None); repairs are reported on stderr and the evaluation goes on.
pub fn read_scenario(command: &str, rest: &[String], stdin: &mut dyn Read, err: &mut dyn Write) -> Option<Decoded> {
    if rest.len() > 1 {
        let _ = writeln!(err, "computedeal {command}: expected one QUERY or FILE.json, got {} arguments (quote the query)", rest.len());
        return None;
    }
    let arg = rest.first().map(String::as_str).unwrap_or("");
    let decoded = if arg == "-" {
        match read_capped(stdin) {
            Ok(bytes) => decode_bytes(bytes),
            Err(e) => {
                let _ = writeln!(err, "computedeal {command}: cannot read stdin: {e}");
                return None;
            }
        }
    } else if arg.ends_with(".json") {
        match std::fs::File::open(arg).and_then(read_capped) {
            Ok(bytes) => decode_bytes(bytes),
            Err(e) => {
                let _ = writeln!(err, "computedeal {command}: cannot read {arg}: {e}");
                return None;
            }
        }
    } else {
        codec::decode_query(arg)
    };
    report_notices(&decoded.notices, err).then_some(decoded)
}

/// Writes notices to stderr in English; false when one rejected a value.
pub fn report_notices(notices: &[Notice], err: &mut dyn Write) -> bool {
    let mut rejected = false;
    for w in notices {
        rejected |= w.severity == Severity::Rejected;
        let label = match w.severity {
            Severity::Rejected => "error",
            Severity::Repaired => "warning",
            Severity::Noted => "note",
        };
        let _ = writeln!(err, "computedeal: {label}: {}", notice_text(Lang::En, w));
    }
    !rejected
}

/// `computedeal eval`'s JSON: the core's (numbers and notices as data),
/// with the reasons for undefined outputs and each notice also in English.
pub fn eval_json(decoded: &Decoded) -> Value {
    let mut v = computedeal_engine::export::eval_json(decoded);
    let outcome = computedeal_core::model::evaluate(&decoded.scenario.inputs);
    let notes: Map<String, Value> = outcome.notes.iter().map(|(o, why)| (o.key().to_string(), json!(undefined_text(Lang::En, *why)))).collect();
    v["notes"] = Value::Object(notes);
    add_messages(&mut v, decoded);
    v
}

/// Each notice's sentence (English) beside its data, under `warnings`.
fn add_messages(v: &mut Value, decoded: &Decoded) {
    if let Some(list) = v.get_mut("warnings").and_then(Value::as_array_mut) {
        for (item, n) in list.iter_mut().zip(&decoded.notices) {
            item["message"] = json!(notice_text(Lang::En, n));
        }
    }
}

/// `computedeal mc`: flags, then the scenario.
fn run_mc(rest: &[String], stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut positional = Vec::new();
    let mut overrides: Vec<(P, String)> = Vec::new();
    let mut threads = 2usize;
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        let flag = |name: &str| arg == name || arg.starts_with(&format!("{name}="));
        let mut value = |name: &str| -> Result<String, String> {
            let v = match arg.strip_prefix(&format!("{name}=")) {
                Some(v) => v.to_string(),
                None => args.next().cloned().ok_or_else(|| format!("{name} needs a value"))?,
            };
            flag_value(name, &v)
        };
        if flag("--samples") {
            match value("--samples") {
                Ok(v) => overrides.push((P::samples, v)),
                Err(why) => return usage(err, &why),
            }
        } else if flag("--seed") {
            match value("--seed") {
                Ok(v) => overrides.push((P::seed, v)),
                Err(why) => return usage(err, &why),
            }
        } else if flag("--threads") {
            match value("--threads") {
                Ok(v) => match v.parse::<usize>().ok().filter(|t| (1..=64).contains(t)) {
                    Some(t) => threads = t,
                    None => return usage(err, &format!("--threads '{v}' is not a whole number from 1 to 64")),
                },
                Err(why) => return usage(err, &why),
            }
        } else if arg.starts_with("--") {
            return usage(err, &format!("unknown option {arg}"));
        } else {
            positional.push(arg.clone());
        }
    }
    // A portfolio query (`portfolio=1&…`): the portfolio's Monte Carlo.
    if let [query] = positional.as_slice() {
        if portfolio::is_portfolio_query(query) {
            let mut q = query.clone();
            for (p, v) in &overrides {
                q.push_str(&format!("&{}={v}", p.key()));
            }
            return portfolio::run_portfolio_mc(&q, out, err);
        }
    }
    let Some(mut decoded) = read_scenario("mc", &positional, stdin, err) else { return 2 };
    for (p, text) in overrides {
        match p.param().parse(&text) {
            Ok(v) => decoded.scenario.set_value(p, v),
            Err(problem) => {
                let _ = writeln!(err, "computedeal: error: {}", computedeal_present::notices::problem_text(Lang::En, p.key(), &text, &problem));
                return 2;
            }
        }
    }
    let setup = computedeal_engine::mc::Setup::new(&decoded.scenario, computedeal_engine::batch::Engine::Simd);
    let summary = computedeal_engine::mc::run(&setup, 16, threads);
    print_json(out, &mc_json(&decoded, &summary))
}

/// A flag's value as text, refused when it holds `&` or `=`: flags take
/// values, not queries (`--seed '1&threshold=0.01'` would otherwise carry
/// a key into the query it is added to). `--url`, `--out` and `--site-url`
/// are addresses and file names, checked by their own commands.
pub fn flag_value(name: &str, value: &str) -> Result<String, String> {
    if value.contains(['&', '=']) {
        Err(format!("{name} takes a value, not a query: '{value}' holds & or = (put scenario keys in QUERY)"))
    } else {
        Ok(value.to_string())
    }
}

fn usage(err: &mut dyn Write, why: &str) -> i32 {
    let _ = writeln!(err, "computedeal mc: {why}; try computedeal --help");
    2
}

/// The Monte Carlo summary as JSON: per headline output, its moments and
/// percentiles; the probability of loss; what was uncertain.
pub fn mc_json(decoded: &Decoded, s: &computedeal_engine::mc::Summary) -> Value {
    let mut v = computedeal_engine::export::summary_json(s);
    if let Value::Object(m) = &mut v {
        m.insert("preset".into(), json!(decoded.scenario.preset.id.key()));
        m.insert("query".into(), json!(codec::encode_query(&decoded.scenario)));
        m.insert("warnings".into(), json!(decoded.notices));
    }
    add_messages(&mut v, decoded);
    v
}

fn params_json() -> Value {
    Value::Array(
        P::ALL
            .iter()
            .map(|p| {
                let param = p.param();
                let text = param_text(Lang::En, *p);
                let kind = match param.kind {
                    Kind::Number => json!("number"),
                    Kind::Count => json!("count"),
                    Kind::Quarter => json!("quarter"),
                    Kind::Choice(ids) => json!({ "choice": ids }),
                };
                json!({
                    "key": param.key,
                    "label": text.label,
                    "unit": text.unit,
                    "kind": kind,
                    "group": param.group.id(),
                    "default": param.format(param.default),
                    "min": param.format(param.min),
                    "max": param.format(param.max),
                    "step": param.step,
                    "estimate": param.estimate,
                    "source": sources::source(param.source),
                    "help": text.help,
                })
            })
            .collect(),
    )
}

fn presets_json() -> Value {
    Value::Array(
        PRESETS
            .iter()
            .map(|preset| {
                let values: Map<String, Value> = preset
                    .values
                    .iter()
                    .map(|v| (v.param.key().to_string(), json!({ "value": v.value, "source": v.source, "estimate": v.estimate })))
                    .collect();
                let text = preset_text(Lang::En, preset.id);
                json!({ "id": preset.id.key(), "name": text.name, "summary": text.summary, "values": values })
            })
            .collect(),
    )
}
