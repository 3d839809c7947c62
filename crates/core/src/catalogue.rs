//! The accelerator catalogue: power, dense FLOPS by precision, memory, rack
//! grouping and typical all-in capex and IT power, each with its source.

use serde::Serialize;

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Accelerator {
    pub id: &'static str,
    pub name: &'static str,
    /// Chip (or GPU package) power in W; 0 where not disclosed.
    pub chip_w: f64,
    /// Dense TFLOPS at BF16, FP8 and FP4. A chip without FP4 repeats its FP8
    /// rate; without a published BF16 figure, half of FP8.
    pub tflops_bf16: f64,
    pub tflops_fp8: f64,
    pub tflops_fp4: f64,
    pub memory_gb: f64,
    /// Accelerators per rack or scale-up unit (NVL72, UltraServer, ...).
    pub per_rack: f64,
    /// Typical all-in IT capex per accelerator (server, hosts, network share).
    pub capex_usd: f64,
    /// Typical all-in IT power per accelerator (hosts and network included).
    pub it_kw: f64,
    /// Source ids for the specs and for the capex and power figures.
    pub spec_source: &'static str,
    pub cost_source: &'static str,
    /// True when capex or power are our estimates.
    pub cost_estimate: bool,
}

impl Accelerator {
    /// Dense TFLOPS at a precision id ("bf16", "fp8", "fp4").
    pub fn tflops(&self, precision: usize) -> f64 {
        match precision {
            0 => self.tflops_bf16,
            1 => self.tflops_fp8,
            _ => self.tflops_fp4,
        }
    }
}

const fn acc(
    id: &'static str,
    name: &'static str,
    chip_w: f64,
    tflops: [f64; 3],
    memory_gb: f64,
    per_rack: f64,
    capex_usd: f64,
    it_kw: f64,
    spec_source: &'static str,
    cost_source: &'static str,
    cost_estimate: bool,
) -> Accelerator {
    Accelerator {
        id,
        name,
        chip_w,
        tflops_bf16: tflops[0],
        tflops_fp8: tflops[1],
        tflops_fp4: tflops[2],
        memory_gb,
        per_rack,
        capex_usd,
        it_kw,
        spec_source,
        cost_source,
        cost_estimate,
    }
}

/// The catalogue; its order is the order of the `accelerator` parameter's choices.
const TABLE: [Accelerator; 10] = [
    // 8 GPUs per server, 4 servers per ~40 kW rack; all-in IT ~1.2 kW (SemiAnalysis' 1.4 kW at PUE ~1.2).
    acc("h100", "NVIDIA H100 SXM", 700.0, [989.0, 1979.0, 1979.0], 80.0, 32.0, 50_000.0, 1.2, "nvidia-h100", "h100-capex", false),
    acc("h200", "NVIDIA H200 SXM", 700.0, [989.0, 1979.0, 1979.0], 141.0, 32.0, 55_000.0, 1.2, "nvidia-h200", "catalogue-estimate", true),
    // DGX B200: 14.3 kW per 8 GPUs = 1.79 kW, plus network.
    acc("b200", "NVIDIA B200 (HGX)", 1000.0, [2250.0, 4500.0, 9000.0], 192.0, 32.0, 55_000.0, 1.9, "nvidia-b200", "catalogue-estimate", true),
    // NVL72 ~120 kW / 72 = 1.67 kW, plus external network and storage.
    acc("gb200", "NVIDIA GB200 NVL72", 1200.0, [2500.0, 5000.0, 10000.0], 192.0, 72.0, 70_000.0, 1.8, "nvidia-gb200", "gb200-capex", false),
    // NVL72 ~136 kW / 72 = 1.89 kW, ×1.1 for external network and storage; Nscale's 2.31 kW covers the whole campus.
    acc("gb300", "NVIDIA GB300 NVL72", 1400.0, [2500.0, 5000.0, 15000.0], 288.0, 72.0, 76_000.0, 2.1, "nvidia-gb300", "iren-capex", false),
    acc("trn2", "AWS Trainium2", 500.0, [667.0, 1299.0, 1299.0], 96.0, 64.0, 25_000.0, 0.8, "aws-trn2", "catalogue-estimate", true),
    acc("trn3", "AWS Trainium3", 1000.0, [671.0, 2517.0, 2517.0], 144.0, 144.0, 31_000.0, 1.4, "aws-trn3", "trn3-capex", true),
    // Ironwood: FP8 published; BF16 taken as half of FP8. Anthropic's $21B of racks for up to 1M TPUs suggests ~$21k+ per chip before network.
    acc("tpu7", "Google TPU v7 Ironwood", 0.0, [2307.0, 4614.0, 4614.0], 192.0, 64.0, 30_000.0, 1.2, "google-tpu7", "catalogue-estimate", true),
    acc("mi455x", "AMD Instinct MI455X (Helios)", 0.0, [10000.0, 20000.0, 40000.0], 432.0, 72.0, 70_000.0, 2.6, "amd-mi455x", "catalogue-estimate", true),
    // Announced at re:Invent 2025 as multiples of Trainium3 (6× FP4, 3× FP8, 2× memory);
    // no power or BF16 figure published: BF16 is half of FP8, power and capex are ours (trn4-estimate).
    acc("trn4", "AWS Trainium4", 0.0, [3775.0, 7551.0, 15102.0], 288.0, 144.0, 62_000.0, 2.8, "aws-trn4", "trn4-estimate", true),
];

pub static CATALOGUE: [Accelerator; 10] = TABLE;

/// Catalogue ids, in catalogue order (the `accelerator` parameter's choices).
pub const ACCELERATOR_IDS: [&str; TABLE.len()] = {
    let mut ids = [""; TABLE.len()];
    let mut i = 0;
    while i < TABLE.len() {
        ids[i] = TABLE[i].id;
        i += 1;
    }
    ids
};

/// The catalogue entry for a choice index (clamped to the catalogue).
pub fn by_index(index: f64) -> &'static Accelerator {
    &CATALOGUE[(index.max(0.0) as usize).min(CATALOGUE.len() - 1)]
}

pub fn by_id(id: &str) -> Option<&'static Accelerator> {
    CATALOGUE.iter().find(|a| a.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_ids_are_unique_and_cite_sources() {
        for (i, a) in CATALOGUE.iter().enumerate() {
            assert!(CATALOGUE[i + 1..].iter().all(|b| b.id != a.id), "{}", a.id);
            assert_eq!(by_id(a.id).map(|b| b.id), Some(a.id));
            assert!(crate::sources::source(a.spec_source).is_some(), "{}", a.id);
            assert!(crate::sources::source(a.cost_source).is_some(), "{}", a.id);
            assert!(a.tflops_bf16 > 0.0 && a.tflops_fp8 >= a.tflops_bf16 && a.tflops_fp4 >= a.tflops_fp8, "{}", a.id);
        }
    }
}
