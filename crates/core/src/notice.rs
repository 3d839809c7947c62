//! What a decoder or a check has to say about an input, as data: which
//! input, what was given, what is wrong with it and what is used instead.
//! The presentation layer turns a `Notice` into a sentence in the reader's
//! language (an exhaustive `match` on `Problem`); nothing here is a sentence.
//! rust-analyzer's diagnostics work the same way.

use serde::Serialize;

/// How serious a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The value was rejected and another (the preset's, a default) kept: bad input.
    Rejected,
    /// The value was used, but something about it was repaired or ignored.
    Repaired,
    /// The value was used as given; it is worth a second look (unusual).
    Noted,
}

/// What is allowed instead: a range of values or a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Allowed {
    /// From `min` to `max`, both in the input's canonical syntax.
    Range { min: String, max: String },
    /// One of these.
    OneOf(Vec<String>),
    /// Up to `n` of these.
    UpTo { n: usize, of: Vec<String> },
}

/// A distribution's family, for messages about its arguments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DistFamily {
    Uniform,
    Triangular,
    Pert,
    Normal,
    LogNormal,
}

/// Which number of a distribution is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DistPart {
    Low,
    High,
    Mean,
    P5,
    P95,
}

/// What is wrong with an input.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    // One value against its parameter.
    NotFinite,
    NotWhole,
    NoSuchChoice,
    OutOfRange {
        allowed: Allowed,
    },
    NotANumber {
        allowed: Allowed,
    },
    /// Not in a fixed list (a chip, a preset's choice, a view setting).
    NotAllowed {
        allowed: Allowed,
    },
    BadQuarter,
    /// A JSON number where text is needed (a quarter, a choice).
    NumberNotText {
        allowed: Allowed,
    },
    /// A JSON value that is neither a number nor text.
    NotNumberOrText {
        allowed: Allowed,
    },
    TooLong {
        chars: usize,
        max: usize,
    },
    // The link or the file as a whole.
    QueryTooLong {
        chars: usize,
        max: usize,
    },
    FileTooBig {
        bytes: usize,
        max: usize,
    },
    /// A stream longer than the cap (only the cap and one byte were read).
    FileOverCap {
        max: usize,
    },
    /// Bytes that are not UTF-8 text: the first byte that is not, counting from 1.
    NotUtf8 {
        byte: usize,
    },
    NotJson {
        line: usize,
        column: usize,
    },
    NoScenarioObject,
    /// The key was given more than once; the last value is used.
    Duplicate,
    UnknownParam,
    /// Many keys that are not parameters: how many, and the first few.
    UnknownParams {
        count: usize,
        keys: Vec<String>,
    },
    /// Not a preset: the allowed ids and the preset used instead.
    BadPreset {
        allowed: Allowed,
        used: String,
    },
    BadUncertainty,
    // Distributions.
    CannotBeUncertain,
    NotNumberOrDist,
    DistArg {
        arg: String,
    },
    DistArity {
        family: DistFamily,
        want: usize,
        got: usize,
    },
    DistEnd {
        part: DistPart,
        number: f64,
        allowed: Allowed,
    },
    DistOrder,
    DistMode {
        mode: f64,
    },
    DistSd {
        sd: f64,
    },
    DistP5 {
        p5: f64,
    },
    DistP5P95,
    DistUnknown {
        name: String,
    },
    // Rank correlations (`corr=a:b:rho`).
    CorrNotText {
        max: usize,
    },
    CorrForm,
    CorrNotParam {
        key: String,
    },
    CorrNotNumber,
    CorrSelf,
    CorrRange {
        rho: f64,
    },
    /// `corr=` given more than once: the pairs of every one are read.
    CorrRepeated,
    /// The same pair correlated twice: the later value is used.
    CorrPairRepeated,
    /// A pinned scenario that pins another: its own `compare=` is ignored.
    NestedCompare,
    /// A portfolio query inside the page's `portfolio=`: ignored.
    NestedPortfolio,
    CorrNotUncertain {
        key: String,
    },
    CorrScaled {
        scale: f64,
    },
    // Checks across inputs, repaired in the model.
    RampBeforeStart {
        start: String,
    },
    RampAfterTerm,
    ExpansionBeforeStart {
        start: String,
    },
    /// The expansion's second chip starts before the expansion itself.
    Expansion2BeforeExpansion {
        start: String,
    },
    ExpansionValueAlone,
    CpuValueAlone,
    /// No accelerators, yet part of the value is theirs: it earns nothing.
    AcceleratorValueAlone,
    /// Refresh with a term from delivery: each cohort runs for its term.
    RefreshNeedsSigning,
    /// Refresh with no end value: what a refresh bought leaves at its market
    /// value, the rest at none (`model`'s refresh rule).
    RefreshedAtMarket,
    /// Allowed, but outside the range most deals fall in; used as given.
    Unusual {
        typical: Allowed,
    },
    // The view's keys (read by the presentation layer).
    BadLang {
        allowed: Allowed,
    },
    BadCurrency {
        allowed: Allowed,
    },
    BadFx {
        currency: String,
        allowed: Allowed,
        default: f64,
    },
    BadChart {
        allowed: Allowed,
    },
    /// A text longer than it may be (an embed's `title=`): its first `max`
    /// characters are used.
    TextTooLong {
        max: usize,
    },
    /// A file the browser could not read, with the browser's own reason.
    FileUnreadable {
        reason: String,
    },
    /// A key of a file's root object beside its `scenario`, which only
    /// that object's keys set: not read.
    BesideScenario,
    /// A setting of the page's address (`lang`, `title`, …) in a scenario
    /// file, which carries only the scenario: not read.
    ViewKeyInFile,
    /// Characters that no image or page can show (control characters,
    /// non-characters such as U+FFFF): removed from the text.
    Unprintable {
        count: usize,
    },
}

/// A problem with one input, and what was done about it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Notice {
    /// The input's key as given (`pue`, `corr`, `compare.pue`); empty for
    /// the whole link or file.
    pub key: String,
    /// What was given, as written.
    pub given: String,
    #[serde(flatten)]
    pub problem: Problem,
    pub severity: Severity,
    /// What is used instead, in the input's own syntax (the preset's value,
    /// the last of duplicates, a default), when something is.
    pub used: Option<String>,
}

impl Notice {
    /// A rejected input, with nothing said about what stands in for it.
    pub fn rejected(key: &str, given: &str, problem: Problem) -> Notice {
        Notice { key: key.to_string(), given: given.to_string(), problem, severity: Severity::Rejected, used: None }
    }

    /// An input that was used after a repair.
    pub fn repaired(key: &str, given: &str, problem: Problem) -> Notice {
        Notice { severity: Severity::Repaired, ..Notice::rejected(key, given, problem) }
    }

    /// A value used as given, with a remark about it.
    pub fn noted(key: &str, given: &str, problem: Problem) -> Notice {
        Notice { severity: Severity::Noted, ..Notice::rejected(key, given, problem) }
    }

    /// The same notice, saying what is used instead.
    pub fn using(mut self, used: impl Into<String>) -> Notice {
        self.used = Some(used.into());
        self
    }
}

/// A problem with one value (`Param::parse`, `Dist::parse`), before it is
/// placed: the decoder adds the key, the text and what it does about it.
pub type ValueResult<T> = Result<T, Problem>;
