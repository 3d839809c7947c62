//! The command-line binary, run as a user would.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn computedeal(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_computedeal")).args(args).output().expect("the binary runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
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
    // Every chart `computedeal chart` draws is named, from the charts' own table.
    let charts = computedeal_present::charts::ChartId::ALL.map(|c| c.key()).join(", ");
    assert!(out.contains(&format!("CHART is one of:\n        {charts}.\n")), "{out}");
    assert!(charts.contains("india") && !out.contains("{charts}"), "{out}");
}

#[test]
fn an_unknown_command_exits_2_with_a_message() {
    let (code, out, err) = computedeal(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("frobnicate"), "{err}");
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("valid JSON")
}

#[test]
fn eval_prints_the_outcome_keys_for_every_preset() {
    let keys = [
        "accelerators_peak",
        "it_mw_peak",
        "facility_mw_peak",
        "energy_gwh_per_year",
        "co2_kt_per_year",
        "pflops_peak",
        "capex_usd",
        "capex_it_usd",
        "capex_facility_usd",
        "tco_usd_per_year",
        "accelerator_hours",
        "price_usd_per_accelerator_hour",
        "cost_usd_per_accelerator_hour",
        "usd_per_million_tokens",
        "revenue_usd",
        "margin",
        "npv_usd",
        "irr",
        "payback_years",
    ];
    for preset in computedeal_core::presets::PRESETS {
        let (code, out, err) = computedeal(&["eval", &format!("preset={}", preset.id.key())]);
        assert_eq!(code, 0, "{}: {err}", preset.id.key());
        let v = json(&out);
        assert_eq!(v["preset"], preset.id.key());
        for key in keys {
            let value = &v[key];
            assert!(value.is_number() || (value.is_null() && v["notes"][key].is_string()), "{} {key}: {value}", preset.id.key());
        }
        assert!(v["quarters"].as_array().is_some_and(|q| q.len() > 4));
    }
}

#[test]
fn eval_without_arguments_is_the_default_deal() {
    let (code, out, _) = computedeal(&["eval"]);
    assert_eq!(code, 0);
    let v = json(&out);
    assert_eq!(v["preset"], "aws-openai-2025");
    // 91% of $38B over 200,000 GPUs × 26 effective quarters × 2,190 h,
    // every hour online billed (a commitment): $3.0365 per GPU-hour.
    let price = v["price_usd_per_accelerator_hour"].as_f64().unwrap_or(0.0);
    assert!((price - 34.58e9 / (200_000.0 * 26.0 * 2190.0)).abs() < 1e-9, "{price}");
}

#[test]
fn eval_reads_an_exported_json_file() {
    let dir = std::env::temp_dir().join(format!("computedeal-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("scenario.json");
    let (_, out, _) = computedeal(&["eval", "preset=microsoft-iren-2025&pue=1.4"]);
    std::fs::write(&file, &out).expect("written");
    let (code, again, err) = computedeal(&["eval", file.to_str().unwrap_or("")]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(json(&again)["npv_usd"], json(&out)["npv_usd"]);
    assert_eq!(json(&again)["query"], "preset=microsoft-iren-2025&pue=1.4");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_input_exits_2_and_names_the_key_value_and_range() {
    let (code, out, err) = computedeal(&["eval", "pue=9&wac=0.1"]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("pue=9 is out of range: allowed 1 to 3"), "{err}");
    assert!(err.contains("'wac' is not a parameter"), "{err}");
    let (code, _, err) = computedeal(&["eval", "/nonexistent/file.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read /nonexistent/file.json"), "{err}");
}

#[test]
fn repairs_are_reported_but_the_evaluation_goes_on() {
    let (code, out, err) = computedeal(&["eval", "ramp_end=2025Q1"]);
    assert_eq!(code, 0);
    assert!(err.contains("warning: ramp_end=2025Q1 is before start=2025Q4"), "{err}");
    assert_eq!(json(&out)["warnings"][0]["severity"], "repaired");
    // An unusual value is used as given, with a note.
    let (code, out, err) = computedeal(&["eval", "pue=2.5"]);
    assert_eq!(code, 0);
    assert!(err.contains("note: pue=2.5 is unusual (most deals: 1.03 to 2); used as given"), "{err}");
    assert_eq!(json(&out)["warnings"][0]["severity"], "noted");
}

#[test]
fn params_and_presets_list_the_tables() {
    let (code, out, _) = computedeal(&["params"]);
    assert_eq!(code, 0);
    let params = json(&out);
    let rows = params.as_array().expect("an array");
    assert_eq!(rows.len(), computedeal_core::params::N_PARAMS);
    let pue = rows.iter().find(|r| r["key"] == "pue").expect("pue");
    assert_eq!(pue["default"], "1.14");
    // AWS's reported 2025 figure, not our estimate.
    assert_eq!(pue["estimate"], false);
    assert!(pue["source"]["url"].as_str().is_some_and(|u| u.starts_with("https://")));
    let (code, out, _) = computedeal(&["presets"]);
    assert_eq!(code, 0);
    let presets = json(&out);
    assert_eq!(presets.as_array().map(Vec::len), Some(computedeal_core::presets::PRESETS.len()));
    assert_eq!(presets[3]["values"]["value_usd"]["value"], "300e9");
}

#[test]
fn mc_prints_percentiles_and_the_probability_of_loss() {
    let (code, out, err) = computedeal(&["mc", "pue=1.1~1.35&electricity_usd_per_mwh=tri:45,70,110", "--samples", "5000", "--seed", "42"]);
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    assert_eq!(v["samples"], 5000);
    assert_eq!(v["seed"], 42);
    let npv = &v["outputs"]["npv_usd"];
    let (p5, p50, p95) = (npv["p5"].as_f64().unwrap_or(0.0), npv["p50"].as_f64().unwrap_or(0.0), npv["p95"].as_f64().unwrap_or(0.0));
    assert!(p5 < p50 && p50 < p95, "{p5} {p50} {p95}");
    let p_loss = v["p_loss"].as_f64().unwrap_or(-1.0);
    assert!((0.0..=1.0).contains(&p_loss));
    assert!(v["uncertain"].as_array().is_some_and(|u| u.iter().any(|k| k == "electricity_usd_per_mwh")));
    // Quasi-random draws by default, with a standard error per statistic
    // from 16 replicas: positive and well inside the P5–P95 range.
    assert_eq!((v["sampling"].as_str(), v["replicas"].as_u64()), (Some("rqmc"), Some(16)));
    let se = npv["se"]["p5"].as_f64().unwrap_or(-1.0);
    assert!(se > 0.0 && se < (p95 - p5) / 10.0, "{se}");
    assert!(v["p_loss_se"].as_f64().is_some_and(|x| x >= 0.0));
    // The same query and seed give the same numbers; the thread count does not matter.
    let (_, again, _) = computedeal(&["mc", "pue=1.1~1.35&electricity_usd_per_mwh=tri:45,70,110", "--samples=5000", "--seed=42", "--threads", "1"]);
    assert_eq!(json(&again)["outputs"], v["outputs"]);
}

#[test]
fn mc_rejects_bad_distributions_and_sample_counts() {
    let cases: [(&[&str], &str); 5] = [
        (&["mc", "pue=1.35~1.1"], "pue='1.35~1.1': the low end must be below the high end"),
        (&["mc", "pue=norm:1.2,-1"], "the standard deviation must be positive"),
        (&["mc", "", "--samples", "50"], "samples=50 is out of range: allowed 1000 to 1000000"),
        (&["mc", "", "--threads", "0"], "--threads '0' is not a whole number from 1 to 64"),
        (&["mc", "corr=pue:pue:0.5&pue=1.1~1.3"], "an input cannot be correlated with itself"),
    ];
    for (args, want) in cases {
        let (code, out, err) = computedeal(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty());
        assert!(err.contains(want), "{args:?}: {err}");
    }
    // An impossible correlation matrix is repaired, and says so.
    let (code, _, err) =
        computedeal(&["mc", "uncertainty=off&pue=1.1~1.3&wacc=0.05~0.1&mfu=0.2~0.4&corr=pue:wacc:0.9,pue:mfu:0.9,wacc:mfu:-0.9", "--samples", "1000"]);
    assert_eq!(code, 0);
    assert!(err.contains("cannot all hold at once") && err.contains("scaled by"), "{err}");
}

#[test]
fn an_argument_that_is_not_utf8_is_named_not_a_panic() {
    // Regression: `computedeal eval $'\xff'` exited 101 from std::env::args().
    use std::os::unix::ffi::OsStrExt;
    let out = Command::new(env!("CARGO_BIN_EXE_computedeal")).arg("eval").arg(std::ffi::OsStr::from_bytes(b"pue=1.3\xff")).output().expect("the binary runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("argument 2") && err.contains("not valid UTF-8") && err.contains("pue=1.3"), "{err}");
}

#[test]
fn stdin_is_read_up_to_the_cap_and_no_further() {
    // Regression: `computedeal eval - </dev/zero` grew to gigabytes before checking the 1 MB cap.
    let zero = std::fs::File::open("/dev/zero").expect("/dev/zero");
    let out = Command::new(env!("CARGO_BIN_EXE_computedeal")).args(["eval", "-"]).stdin(zero).output().expect("the binary runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("larger than 1048576 bytes"), "{err}");
    // Bytes that are not UTF-8 are refused by position, not as "invalid JSON".
    let mut child = Command::new(env!("CARGO_BIN_EXE_computedeal"))
        .args(["eval", "-"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawned");
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        let _ = stdin.write_all(b"{\"pue\": \"1.3\xfe\"}");
    }
    let out = child.wait_with_output().expect("finished");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("not UTF-8 or UTF-16 text (byte 13"), "{err}");
}

#[test]
fn an_overflowing_flag_is_reported_as_written() {
    // Regression: `--seed 1e30` said "seed=9223372036854775807 is out of range".
    let (code, _, err) = computedeal(&["mc", "--seed", "1e30", "--samples", "1000"]);
    assert_eq!(code, 2);
    assert!(err.contains("seed=1e30 is out of range: allowed 0 to 4294967295"), "{err}");
    let (code, _, err) = computedeal(&["eval", "accelerators=1e308"]);
    assert_eq!(code, 2);
    assert!(err.contains("accelerators=1e308 is out of range"), "{err}");
}

#[test]
fn a_cost_of_capital_a_few_ulps_from_zero_is_sound() {
    // Regression: wacc=1e-17 gave null outputs and empty notes; 2e-16 gave
    // $2.013/h against $2.187/h at wacc=0.
    let cost = |q: &str| {
        let (code, out, err) = computedeal(&["eval", q]);
        assert_eq!(code, 0, "{err}");
        json(&out)["cost_usd_per_accelerator_hour"].as_f64().unwrap_or(f64::NAN)
    };
    let zero = cost("wacc=0");
    for q in ["wacc=1e-17", "wacc=2e-16", "wacc=5e-324"] {
        let c = cost(q);
        assert!((c - zero).abs() <= 1e-9 * zero, "{q}: {c} vs {zero}");
    }
}

/// A writer that refuses every byte, as a full disk does.
struct Full;

impl std::io::Write for Full {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "No space left on device"))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn output_that_cannot_be_written_is_exit_status_1_for_every_command() {
    // Issue 27: `computedeal eval > /dev/full` exited 0. Every command that
    // prints goes through one checked writer.
    let commands: [&[&str]; 9] = [
        &["eval"],
        &["mc", "samples=1000"],
        &["params"],
        &["presets"],
        &["portfolio", "samples=1000"],
        &["portfolio", "samples=1000", "--json"],
        &["chart", "deployment"],
        &["--help"],
        &["--version"],
    ];
    for args in commands {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let mut err = Vec::new();
        let code = computedeal_cli::run_text(&args, &mut std::io::empty(), &mut Full, &mut err);
        let err = String::from_utf8_lossy(&err);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(err.contains("cannot write") && err.contains("No space left"), "{args:?}: {err}");
    }
    // And the binary itself, on Linux's always-full device.
    if std::path::Path::new("/dev/full").exists() {
        for args in [&["eval"][..], &["params"], &["--version"]] {
            let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full opens");
            let out = Command::new(env!("CARGO_BIN_EXE_computedeal")).args(args).stdout(full).output().expect("the binary runs");
            assert_eq!(out.status.code(), Some(1), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
            assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"), "{args:?}");
        }
    }
}

#[test]
fn flags_take_values_not_queries() {
    // Issue 27: `mc portfolio=1 --seed '1&threshold=0.01'` ran with the
    // threshold and exited 0.
    for args in [
        &["mc", "portfolio=1", "--seed", "1&threshold=0.01"][..],
        &["mc", "samples=1000", "--samples=2000&pue=1.3"],
        &["mc", "--threads", "2&x=1"],
        &["chart", "deployment", "--width", "400&lang=hi"],
        &["chart", "deployment", "--format=svg&x"],
        &["site", "/nonexistent", "--threads", "1=2"],
    ] {
        let (code, out, err) = computedeal(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}");
        let flag = args.iter().find(|a| a.starts_with("--")).map(|a| a.split('=').next().unwrap_or(a)).expect("a flag");
        assert!(err.contains(flag) && err.contains("not a query"), "{args:?}: {err}");
    }
    // An address may hold them: --url is the frame's address.
    let (code, _, err) = computedeal(&["chart", "deployment", "--url", "https://example.org/?preset=aws-openai-2025&pue=1.3"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_control_character_in_url_is_refused_by_name() {
    // Issue 27: it made the SVG unparseable (and the PNG exit 1).
    let (code, out, err) = computedeal(&["chart", "deployment", "--url", "index.html\u{1}x"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("--url") && err.contains("character 11"), "{err}");
}

#[test]
fn a_title_with_non_characters_still_draws_images_that_parse() {
    // Issue 27: U+FFFE or U+FFFF in title= made the SVG unparseable and the PNG fail.
    for format in ["svg", "png"] {
        let (code, out, err) = computedeal(&["chart", "deployment", "title=Deal%EF%BF%BF%EF%BF%BE%01here", "--format", format]);
        assert_eq!(code, 0, "{format}: {err}");
        // Two non-characters and a control character.
        assert!(err.contains("title had 3 character(s) that no page or image can show"), "{format}: {err}");
        if format == "svg" {
            assert!(out.contains("Dealhere") || out.contains("Deal here"), "the title, cleaned, is in the image");
            assert!(!out.contains('\u{FFFF}') && !out.contains('\u{FFFE}') && !out.contains('\u{1}'));
        }
    }
}

#[test]
fn files_are_read_as_the_page_reads_them() {
    // Issue 27: the page imported UTF-8 with a byte-order mark and UTF-16
    // that the command line refused; one decoder (codec::decode_file) now.
    let dir = std::env::temp_dir().join(format!("computedeal-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let text = r#"{"preset": "microsoft-iren-2025", "pue": 1.3}"#;
    let utf16 = |le: bool| -> Vec<u8> {
        let mut b = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for u in text.encode_utf16() {
            b.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        b
    };
    let plain = computedeal(&["eval", "preset=microsoft-iren-2025&pue=1.3"]).1;
    let plain_npv = json(&plain)["outcome"]["npv_usd"].clone();
    for (name, bytes) in [("bom.json", [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat()), ("le.json", utf16(true)), ("be.json", utf16(false))] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("written");
        let (code, out, err) = computedeal(&["eval", path.to_str().expect("a path")]);
        assert_eq!(code, 0, "{name}: {err}");
        assert_eq!(json(&out)["outcome"]["npv_usd"], plain_npv, "{name}");
    }
    // What a file holds that is not read is said.
    let path = dir.join("extra.json");
    std::fs::write(&path, r#"{"scenario": {"pue": 1.3, "lang": "hi"}, "scenario": {"pue": 1.2, "title": "x"}, "note": "mine"}"#).expect("written");
    let (code, _, err) = computedeal(&["eval", path.to_str().expect("a path")]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("scenario is given more than once"), "{err}");
    assert!(err.contains("title is a setting of the page's address"), "{err}");
    assert!(err.contains("'note' sits beside \"scenario\""), "{err}");
    // What `computedeal eval` writes reads back without a word.
    let path = dir.join("eval.json");
    std::fs::write(&path, computedeal(&["eval", "preset=india-1gw&pue=1.3"]).1).expect("written");
    let (code, _, err) = computedeal(&["eval", path.to_str().expect("a path")]);
    assert_eq!((code, err.as_str()), (0, ""));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn site_url_must_be_an_absolute_http_address_with_a_host() {
    use computedeal_cli::site::site_url;
    assert_eq!(site_url(""), Ok(String::new()));
    assert_eq!(site_url("https://example.org"), Ok("https://example.org/".into()));
    assert_eq!(site_url("http://example.org:8080/deal/"), Ok("http://example.org:8080/deal/".into()));
    assert_eq!(site_url("https://[::1]/x"), Ok("https://[::1]/x/".into()));
    for (bad, why) in [
        ("https://", "no host"),
        ("https:///path", "no host"),
        ("ftp://example.org/", "not an http"),
        ("example.org", "not an http"),
        ("https://example.org/\nx", "control"),
        ("https://example.org/\tx", "control"),
        ("https://exa mple.org/", "control"),
        ("https://example.org/?a=1", "query or fragment"),
        ("https://example.org/#top", "query or fragment"),
        ("https://example.org/\"x", "may not"),
        ("https://example.org/\u{1}", "control"),
    ] {
        let e = site_url(bad).expect_err(bad);
        assert!(e.starts_with("--site-url") && e.contains(why), "{bad:?}: {e}");
    }
    // From the command line, the refusal names the flag before anything is written.
    let (code, _, err) = computedeal(&["site", "/nonexistent", "--site-url", "https://"]);
    assert_eq!(code, 2);
    assert!(err.contains("--site-url") && err.contains("no host"), "{err}");
}
