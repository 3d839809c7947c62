//! The sources behind every default, preset value and catalogue entry.
//!
//! Most come from `../shared/reference/facts.md` (section numbers given); the
//! rest say where else they were found. `confidence` follows the facts sheet:
//! A = primary (company release, filing, vendor docs, EIA, Epoch AI),
//! B = reputable press or analyst, C = secondary, a range hint only;
//! `derived` means our arithmetic from cited inputs, shown in `note`;
//! `estimate` means our judgement, with the reasoning in `note`.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Confidence {
    A,
    B,
    C,
    #[serde(rename = "derived")]
    Derived,
    #[serde(rename = "estimate")]
    Estimate,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Source {
    pub id: &'static str,
    pub title: &'static str,
    pub url: &'static str,
    pub date: &'static str,
    pub confidence: Confidence,
    pub note: &'static str,
}

const fn src(id: &'static str, title: &'static str, url: &'static str, date: &'static str, confidence: Confidence, note: &'static str) -> Source {
    Source { id, title, url, date, confidence, note }
}

use Confidence::*;

/// The date of a source that gives none.
pub const UNDATED: &str = "n/d";

pub static SOURCES: &[Source] = &[
    // §1 AWS–OpenAI
    src("aws-openai-release", "AWS–OpenAI announcement: $38B, 7 years, GB200/GB300 UltraServers, capacity before end-2026", "https://particle.news/story/openai-strikes-seven-year-38-billion-aws-deal-to-run-chatgpt-on-nvidia-powered-ultraservers", "2025-11-03", B, "also techspot.com and computing.co.uk for the term and timing"), // facts.md §1
    src("aws-openai-gpu-count", "\"Hundreds of thousands\" of GPUs: 200,000 is our reading", "https://particle.news/story/openai-strikes-seven-year-38-billion-aws-deal-to-run-chatgpt-on-nvidia-powered-ultraservers", "2025-11-03", Estimate, "$5.43B a year at $10–13B per GW-year of rental is 0.42–0.54 GW, or 180–230k Blackwell GPUs at Bernstein's density; 200,000 is the lower end of \"hundreds of thousands\""), // facts.md §1a
    src("aws-openai-cpus", "\"Tens of millions of CPUs\" read as vCPUs beyond the GPU systems: 2.8 million", "https://www.adwaitx.com/aws-openai-partnership-38-billion-deal-explained", "2025-11-03", Estimate, "a Graviton vCPU is one core, and each GB300 NVL72 carries 36 Grace cores per GPU, already in the GPUs' cost and power; 10 million (the low end of \"tens of millions\") less the 7.2 million Grace cores of 200,000 GB300 GPUs leaves 2.8 million"), // facts.md §6
    src("aws-openai-expansion", "AWS–OpenAI expansion, Feb 2026: ~2 GW of Trainium, reported both as $38B→$100B over 8 years and as an additional $100B", "https://getaibook.com/news/amazon-wins-openai-deal-for-2gw-of-trainium", "2026-02-27", B, "the sources disagree on the size; both readings are presets"), // facts.md §1 and §7
    // §2 comparable deals
    src("oracle-openai", "Oracle–OpenAI: ~$300B over ~5 years from 2027, 4.5 GW (WSJ)", "https://www.thenews.com.pk/latest/1342862-300-billion-deal-between-openai-oracle-largest-cloud-contract-in-history", "2025-09-10", B, ""), // facts.md §2
    src("oracle-openai-scope", "Oracle–OpenAI July 2025 scope: ~2 million AI accelerators, ~5 GW", "https://theoutpost.ai/news-story/oracle-delays-open-ai-data-centers-until-2028-as-labor-and-material-shortages-slow-ai-expansion-22392", "2025-12-12", B, ""), // facts-v2.md §1
    src("microsoft-iren", "Microsoft–IREN: $9.7B over 5 years, ~76k GB300, 200 MW critical IT, Dell equipment ~$5.8B", "https://dcpulse.com/news/microsoft-iren-gb300-gpu-cloud-deal", "2025-11-03", A, "press release text and call"), // facts.md §2
    src("coreweave-openai", "CoreWeave–OpenAI: $11.9B + $4B + up to $6.5B = $22.4B, 5-year first tranche", "https://news.anyfans.com/?p=71359", "2025-09-25", B, "Reuters"), // facts.md §2
    src("microsoft-nebius", "Microsoft–Nebius: $17.4B base (up to $19.4B) through 2031, Vineland NJ up to ~300 MW", "https://the-decoder.com/microsoft-has-signed-a-cloud-deal-with-nebius-group-worth-up-to-19-4-billion-through-2031/", "2025-09-08", B, "300 MW is the site, not a contracted figure"), // facts.md §2
    src("google-anthropic", "Google–Anthropic: up to 1M TPUs, well over 1 GW in 2026, \"tens of billions\"", "https://businessleadersreview.com/google-and-anthropic-expand-partnership-deal-to-access-one-million-tpus", "2025-10-23", B, ""), // facts.md §2
    src("google-anthropic-rented", "The rented part of Google–Anthropic: 300,000 TPUs for $29B", "https://the-decoder.com/anthropic-places-21-billion-order-for-google-chips-via-broadcom/", "2025-12-11", Derived, "Anthropic bought $21B of Ironwood racks through Broadcom; at the catalogue's ~$30k per TPU that is ~700,000 of the up-to-1M TPUs, leaving ~300,000 rented from Google; $50B read for \"tens of billions\" less the $21B bought leaves $29B of rent (our estimate)"), // facts.md §2
    src("anthropic-broadcom", "Anthropic's $21B of Ironwood TPU rack orders via Broadcom", "https://the-decoder.com/anthropic-places-21-billion-order-for-google-chips-via-broadcom/", "2025-12-11", A, "Broadcom Q4 FY25 call"), // facts.md §2
    src("gb300-rack-power", "GB300 NVL72: ~136 kW for 72 GPUs = 1.89 kW at the rack, 2.1 kW with external network and storage", "https://ai-infrastructure.net/datacentre-physical/", "2026", Derived, "racks draw 132–140 kW (Microsoft ~136 kW); 136 / 72 × 1.1 = 2.08 kW of IT per GPU; Nscale's 2.31 kW and IREN's 2.63 kW are campus figures with headroom"), // facts-v2.md §4 and facts.md §3b
    src("nscale-density", "Microsoft–Nscale Texas: 104k GB300 in a 240 MW campus = 2.31 kW IT per GPU", "https://www.benzinga.com/markets/tech/25/10/48223043/microsoft-and-nvidia-backed-nscale-announce-large-scale-ai-project-in-us-and-europe", "2025-10-15", Derived, "240 MW / 104,000 = 2.31 kW; the UK site gives 2.17, IREN 2.63, the GB300 rack alone 1.83–1.94"), // facts.md §2 and §4b
    src("iren-capex", "IREN's Dell order: $5.8B for ~76k GB300 and ancillary equipment = $76k per GPU", "https://dcpulse.com/news/microsoft-iren-gb300-gpu-cloud-deal", "2025-11-03", Derived, "5.8e9 / 76,000 = 76,300 USD"), // facts.md §3c
    src("iren-density", "IREN: 200 MW critical IT for ~76k GB300 = 2.63 kW per GPU", "https://dcpulse.com/news/microsoft-iren-gb300-gpu-cloud-deal", "2025-11-03", Derived, "200,000 kW / 76,000 = 2.63 kW"), // facts.md §4b
    src("rental-per-gw", "Rental of ~$10–13B per GW-year (Dylan Patel)", "https://www.snap-summary.com/s/dylan-patel-the-single-biggest-bottleneck-to-scaling-ai-comp-151b1062", "2026", C, ""), // facts.md §4f
    // §3 hardware
    src("nvidia-h100", "H100 SXM5 datasheet values: 700 W, 989 / 1,979 TFLOPS dense BF16 / FP8, 80 GB", "https://glennklockwood.com/garden/processors/h100", "2024", A, ""), // facts.md §3a
    src("nvidia-h200", "H200 SXM: 700 W, 989 / 1,979 TFLOPS dense, 141 GB", "https://lzwjava.github.io/nvidia-h200-gpu-specs-en", "2025", A, ""), // facts.md §3a
    src("nvidia-b200", "B200 (HGX, 1,000 W): 2,250 / 4,500 / 9,000 TFLOPS dense BF16 / FP8 / FP4, 192 GB; DGX B200 14.3 kW per 8 GPUs", "https://glennklockwood.com/garden/processors/B200", "2025", A, ""), // facts.md §3a, §3b
    src("nvidia-gb200", "B200 in GB200 (1,200 W): 2,500 / 5,000 / 10,000 TFLOPS dense; NVL72 rack ~120 kW", "https://glennklockwood.com/garden/processors/B200", "2025", A, ""), // facts.md §3a, §3b
    src("nvidia-gb300", "B300 / GB300: 1,400 W, ~2,500 / 5,000 / 15,000 TFLOPS dense, 288 GB; NVL72 rack 132–140 kW", "https://awesomeagents.ai/hardware/nvidia-gb300-nvl72", "2025-12", B, "Supermicro figures via serversimply"), // facts.md §3a, §3b
    src("aws-trn2", "Trainium2: ~500 W, 667 / 1,299 TFLOPS dense BF16 / FP8, 96 GiB", "https://awsdocs-neuron.readthedocs-hosted.com/en/v2.21.0.beta/general/arch/neuron-hardware/trainium2.html", "2024", A, ""), // facts.md §3a
    src("aws-trn3", "Trainium3: ~1,000 W (reported), 671 TFLOPS BF16, 2,517 MXFP8 / MXFP4, 144 GB", "https://www.tomshardware.com/tech-industry/artificial-intelligence/amazon-launches-trainium3-ai-accelerator-competing-directly-against-blackwell-ultra-in-fp8-performance-new-trn3-gen2-ultraserver-takes-vertical-scaling-notes-from-nvidias-playbook", "2025-12-02", B, ""), // facts.md §3a
    src("openai-10gw", "OpenAI: more than 10 GW of US compute secured for its 2029 target, over 3 GW of it in 90 days, 2 GW with Amazon", "https://letsdatascience.com/news/openai-secures-10gw-us-ai-compute-capacity-4e36efb7", "2026-04-29", B, "relayed from OpenAI's blog; read here as Amazon's 2 GW fully online by 2029, so each Trainium tranche ramps over two years"),
    src("iren-financing", "IREN: $3.65B of A-rated notes and loans secured on the Microsoft GPUs (5.96% fixed and SOFR + 2.25%, about 6.0%), with Microsoft's prepayment covering 96% of the $5.81B GPU cost", "https://www.sec.gov/Archives/edgar/data/1878848/000114036126023427/ef20075181_8k.htm", "2026-06-01", Derived, "IREN's 8-K of June 2026: (3.65 + 1.94) / 5.81 = 96%; the prepayment is credited against fees in years 3–5. A cost of capital of 7.5% for the deal: the debt at 6.0%, the prepayment at nothing and the data centre's equity at 11–13%, weighted, rounded up"),
    src("nebius-gpu-count", "Microsoft secures more than 100,000 NVIDIA GB300 chips through its Nebius deal (The Information, relayed)", "https://parameter.io/microsoft-msft-stock-company-secures-100000-nvidia-chips-through-nebius-deal", "2025-11", C, "a relay of The Information; $17.4B over five years for 100,000 GPUs is $3.97 per GPU-hour, so a count above 100,000 would lower it"),
    src("aws-trn4", "Trainium4 previewed at re:Invent 2025: at least 6× Trainium3's FP4, 3× its FP8 and 4× its memory bandwidth, with NVLink Fusion; expected late 2026 or 2027; no power published", "https://nand-research.com/?p=5010", "2025-12-05", B, "NAND Research on AWS's re:Invent 2025 disclosures; The Next Platform (2025-12-03) gives the delivery window; memory twice Trainium3's 144 GB as reported"),
    src("google-tpu7", "TPU v7 Ironwood: 4,614 TFLOPS FP8, 192 GB; pods of 9,216", "https://theoutpost.ai/news-story/google-unleashes-ironwood-tp-us-custom-ai-chips-challenge-nvidia-s-dominance-21500", "2025-11", B, "power not disclosed"), // facts.md §3a
    src("amd-mi455x", "AMD MI455X: ~20 PF FP8 and ~40 PF FP4 (AMD-stated), 432 GB; Helios racks of 72", "https://www.jaredwatkins.com/research/ai-accelerators/amd-instinct/mi400-helios/", "2026", C, "AMD's figures, basis (dense or sparse) unconfirmed"), // facts.md §3a, §3b
    src("h100-capex", "H100 all-in cluster capex ~$50k per GPU (GPU, server, network)", "https://substack.tech-talk-cto.com/p/h100-freakonomics-the-economical", "2024", B, ""), // facts.md §3c
    src("gb200-capex", "GB200 NVL72 all-in with external networking ~$5M per rack (~$70k per GPU)", "https://www.greaterwrong.com/posts/NBEmGx3djmSXawp3H/no77e-s-shortform/comment/5QKKfBJSbAykKegWo", "2025-08", C, "Nesov; Bernstein gives $3.4M compute + $2.5M infrastructure per rack"), // facts.md §3c
    src("h100-power-all-in", "All-in power per H100 ~1,400 W including facility overhead (SemiAnalysis)", "https://georgeing.me/2025/11/24/Fermi-Numbers-for-AI-Datacenters.html", "2025-11-24", B, "IT share ~1.2 kW at PUE 1.2"), // facts.md §4b
    src("catalogue-estimate", "Catalogue estimate: no published all-in figure", "", "2026", Estimate, "capex and all-in IT power for chips without a published all-in figure are scaled from the nearest NVIDIA part by chip power and list-price class; treat as ±30%"),
    // §4 data-centre economics
    src("jll-facility", "JLL 2026 outlook: global average construction cost $10.7M per MW in 2025 ($7.7M in 2020)", "https://newslink.mba.org/mba-newslinks/2026/january//jll-data-center-market-continues-to-grow", "2026-01", B, ""), // facts-v2.md §4, facts.md
    src("cw-facility-ai", "Cushman & Wakefield 2025: US average $11.7M per MW of critical load; an AI (liquid-cooled) hall costs 7–10% more", "https://cushwake.cld.bz/Data-Center-Development-Cost-Guide-2025/8-9", "2025", Derived, "C&W's 19-market average $11.7M (Reno $15.0M, San Antonio $9.3M) × Turner & Townsend's 7% AI premium = $12.5M per MW"), // facts-v2.md §4
    src("epoch-1gw", "Epoch AI: a stylized 1 GW (IT) GB200 data centre costs $38B with $0.9B a year of opex, $0.6B of it energy", "https://epoch.ai/data-insights/ai-datacenter-cost-breakdown", "2026-05-14", A, ""), // facts.md §4a, §4c
    src("aws-pue-2025", "AWS: global average PUE 1.14 in 2025 (1.15 in 2024)", "https://sustainability.aboutamazon.com/environment/the-cloud/asdi", "2026", A, ""), // facts-v2.md §4
    src("pue-hyperscale", "PUE: modern hyperscale 1.10–1.15, average hyperscale 1.20–1.30, new large sites ≤1.3", "https://lynx-cortex.pages.dev/extension-track/X4-hardware-deep-dive/theory/04-datacenter-economics/", "2024", C, "Uptime 2024; 1.2 is our middle"), // facts.md §4b
    src("eia-industrial-2025", "EIA: US industrial electricity averaged ~8.6 ¢/kWh in 2025", "https://ycharts.com/indicators/us_average_retail_price_of_electricity_industrial_sector", "2026-04", A, ""), // facts.md §4b
    src("eia-states-2023", "EIA: industrial electricity in the states AWS builds in, 2023: VA 8.92, OR 7.52, MS 6.96, IN 8.24, OH 7.03, PA 7.75 ¢/kWh", "https://www.eia.gov/electricity/annual/secrev-map.php", "2024-10-17", Derived, "the six states average 7.74 ¢/kWh; raised by the US industrial average's rise to 2025 (8.1 → 8.6 ¢, +6.2%; 2023 taken as 2024) gives 8.2 ¢, $82 per MWh"), // facts-v2.md §4
    src("eia-nj-industrial", "EIA: New Jersey industrial electricity 13.01 ¢/kWh (April 2025)", "https://eia.gov/electricity/monthly/epm_table_grapher.php?t=table_5_06_a", "2025-06-25", A, ""), // facts.md §4b
    src("eia-steo-2026", "EIA STEO: wholesale power $47/MWh in 2025 (+23%), $51 forecast for 2026 (+8.5%)", "https://www.utilitydive.com/news/electricity-prices-demand-to-continue-rising-in-2026-eia/805395", "2025-11-12", A, "2% a year over the term is our estimate, below the 2026 step"), // facts.md §4b
    src("eia-co2-2023", "EIA: US generation emitted 1.53 billion t CO2 for 4.18 trillion kWh in 2023 = 366 kg/MWh", "https://www.eia.gov/tools/faqs/faq.php?id=74&t=3", "2024", A, "found in the EIA FAQ: 1.53e12 kg / 4.18e9 MWh = 366 kg/MWh"), // facts.md
    src("epoch-opex", "Epoch AI 1 GW: non-energy opex ≈ $0.3B a year on $38B of capex = 0.8% (lower bound)", "https://epoch.ai/data-insights/ai-datacenter-cost-breakdown", "2026-05-14", Estimate, "Epoch's figure covers the facility; a cloud operator's staff, support, spares and software add to it, so 2% a year is our estimate"), // facts.md §4c
    src("gb200-committed-rent", "Committed Blackwell rent: CoreWeave GB200 NVL72 $10.50 per GPU-hour on demand, up to 60% off reserved = $4.20", "https://raw.githubusercontent.com/api-evangelist/coreweave/refs/heads/main/plans/coreweave-plans-pricing.yml", "2026-09-20", Derived, "AWS P6-B200 $14.24 less 66–72% Savings Plans gives $4.0–4.8; a 5-year B300 reservation $3.06–3.25"), // facts-v2.md §2
    src("gb300-committed-rent", "Committed Blackwell Ultra rent: $2.91 (Microsoft–IREN's contract value over its GPU-hours) and $3.25 (a five-year B300 reservation, 20% prepaid): median $3.08 per GPU-hour", "https://dcpulse.com/news/microsoft-iren-gb300-gpu-cloud-deal", "2026", Derived, "the median of the rental-market snapshot's committed GB300 rows; the GB200's committed $4.20 (CoreWeave's list less 60%) sits above both"),
    src("rental-life-estimate", "A chip's rental life: about 8 years", "", "2026", Estimate, "A100s, launched in 2020, are still let in 2026 (Gerra's rental-market dataset, 2022–2026, https://www.gerra.com/research/gpu-market) and H100s of 2022 rent for more in 2026 than in 2025; book lives are 5–6 years; ±20%"),
    src("rental-decline", "Market rent of a given chip falls ~22% a year: the median of the published changes in the rental-market snapshot shipped with the calculator, each made yearly: H100 −22% and H200 −29% over 2025 to October (RBC data, FT), B200 $3.20 → $2.80 over seven months, H100 resale −22% a year (SpotWire), and 2026's rise, H100 one-year contracts $1.70 → $2.35 from October 2025 to March 2026 (SemiAnalysis)", "https://www.newsbeep.com/au/?p=220110", "2026-11-09", Derived, "the median, 22%, with 2026's rise taken in (25.1% without it). The default range runs from a 20% rise in a year to a 40% fall. SpotWire's resale curve 1.00, 0.78, 0.60, 0.46, 0.35 over 0–4 years (−22% a year); Epoch: top GPUs' price-performance −21% a year; AWS's reserved-instance ladder 0.72× a year"), // crates/core/data/rental-market.json, docs/MARKET.md; facts-v2.md §2 and facts.md §4g
    src("openai-funding-gap", "The buyer's capacity to pay: HSBC's $207B funding gap to 2030 against $620–720B of disclosed commitments", "https://theinvestmentnews.com/openai-wont-make-money-by-2030-and-still-needs-to-come-up-with-another-207-billion-to-power-its-growth-plans-hsbc-estimates", "2025-11-26", Estimate, "a gap of about 30% of the commitments, peaking before OpenAI's planned cash-flow break-even in 2030, so the default uncertainty has a shortfall of 0 to 30% (PERT, mode 0) from year 3"), // facts-v2.md §1 and §5
    src("delivery-slips", "Reported slips: Oracle sites for OpenAI 2027 → 2028 (~12 months); Core Scientific Denton ~60 days; CoreWeave's powered-shell delay", "https://newsable.asianetnews.com/markets/buildout-of-some-oracle-data-centers-for-openai-reportedly-pushed-to-2028-amid-worries-over-expense-revenue-timing-mismatch-articleshow-gfc2pv8", "2025-12-12", Estimate, "the default uncertainty adds a delay of 0 to 12 months, most likely 2 (PERT)"), // facts-v2.md §5
    src("capex-delay-corr", "Delays and cost overruns come together", "https://cushwake.cld.bz/Data-Center-Development-Cost-Guide-2025/6-7", "2025", Estimate, "the shortages that delay sites (Oracle: labour and materials) raise their cost (C&W: switchgear 46–48 weeks, UPS +15% by delivery); a rank correlation of 0.3 between capex and delay is our judgement"), // facts-v2.md §4 and §5
    src("us-corporate-tax", "US federal corporate income tax: 21% (IRC §11, TCJA 2017)", "https://legalclarity.org/what-is-the-current-irs-corporate-tax-rate", "2026", C, "state taxes (0–11%) not included"), // facts-v2.md §3
    src("obbba-bonus", "OBBBA: 100% bonus depreciation, permanent, for property acquired and placed in service after 19 January 2025; servers qualify; 5-year MACRS class for computers", "https://www.plantemoran.com/explore-our-thinking/insight/2022/08/the-tcja-100-percent-bonus-depreciation-starts-to-phase-out-after-2022", "2025-07-04", B, "Amazon's US cash tax fell from $7.6B (2024) to $2.8B (2025)"), // facts-v2.md §3
    src("amazon-server-life", "Amazon 10-K: useful life of a subset of servers cut from 6 to 5 years from 1 Jan 2025", "https://deepquarry.substack.com/p/amazon-revises-server-lifespan-amid", "2025-02-07", A, ""), // facts.md §4d
    src("hyperscaler-wacc", "Hyperscaler WACC 7–9% (valuation sites); IG project debt 6.5–7%", "https://app.valuesense.io/ticker/MSFT/intrinsic-value-tools/discount-rate-calculator", "2024-11-15", C, "8% is the middle of the hyperscaler range"), // facts.md §4e and §7
    src("neocloud-wacc", "Neocloud borrowing: CoreWeave 9–15% effective rates (10-Q)", "https://www.sec.gov/Archives/edgar/data/1769628/000114036125032095/R41.htm", "2025-08", A, "11% is our middle for a neocloud's cost of capital"), // facts.md §4e
    src("residual-estimate", "Residual value of AI servers at end of life: 10%", "https://v2-pseo-ai.pages.dev/tools/gpu-tco-analysis", UNDATED, Estimate, "the source gives 25–35% for an H100 after 36 months (grade C); after five years and a newer generation we assume 10%"), // facts.md §4c
    src("facility-life-estimate", "Facility (shell, power, cooling) useful life: 20 years", "", "2026", Estimate, "no published figure; electrical and mechanical plant is commonly depreciated over 15–20 years and shells over 30–40"), // facts.md
    src("operations-estimate", "Operating assumptions: load factor 0.8, availability 0.97", "", "2026", Estimate, "no published figure for these deals; a GPU cluster draws well below nameplate on average, and cloud SLAs sit near 99%, less maintenance and failures"),
    src("workload-estimate", "Serving assumptions: FP8, 30% MFU, 100B active parameters", "", "2026", Estimate, "OpenAI's serving parameters are not public; frontier mixture-of-experts models are reported at tens to hundreds of billions of active parameters, and serving MFU well below training's"),
    src("cpu-capex-estimate", "CPU side: $150 capex and 10 W of IT power per vCPU", "", "2026", Estimate, "no per-core Graviton cost or power is published: a 2-socket, 192-core server at $20–30k all-in is $100–160 per core; Arm's ~30M cores per GW (≈33 W per core at facility level) is an upper bound for a whole traditional data centre"), // facts.md §6
    src("cpu-value-estimate", "CPU share of the contract value: 9%", "", "2026", Estimate, "2.8M vCPUs at a committed ~$0.02 per vCPU-hour (half the $0.0408 on-demand list) for seven years is $3.4B, 9% of $38B"), // facts.md §1a and §6
    src("trn4-estimate", "Trainium4 all-in capex ~$62k and IT power ~2.8 kW per chip: twice Trainium3's", "", "2026", Estimate, "no price or power is published; twice Trainium3's $31k and 1.4 kW, for twice its memory and three times its FP8 in a larger package, so the capital and power per gigawatt stay Trainium3's (±40%)"),
    src("trn3-capex", "Trainium3 all-in capex: ~$31k per chip", "", "2026", Derived, "GB300's $76k × Trainium3's FP8 rate over GB300's (2,517 / 5,000) × 0.81 (Bernstein: ASIC racks save ~19% of capex for the same compute)"), // facts.md §3c
    // India and exchange rates (not in facts.md; found for this calculator)
    src("tt-mumbai-cost", "Turner & Townsend Data Centre Construction Cost Index 2025: Mumbai $6.64 per watt (Rs 589/W), 51st of 52 markets", "https://www.ibef.org/news/india-among-top-data-centre-markets-mumbai-costs-among-lowest-globally", "2025-11-10", B, "relayed by IBEF and PTI; $6.64/W = $6.64M per MW; Jefferies puts India at $4–5M per MW"),
    src("tt-mumbai-tariff", "Turner & Townsend 2025: Mumbai electricity tariff 6.71 US cents per kWh", "https://www.newsdrum.in/business/india-among-leading-data-centre-markets-mumbais-construction-costs-among-the-lowest-globally-10644355", "2025-11-10", B, "PTI via NewsDrum: 6.71 ¢/kWh = $67.1 per MWh"),
    src("cea-co2-india", "CEA CO2 Baseline Database V21.0: all-India weighted-average grid emission factor 0.7117 tCO2/MWh (FY 2024-25)", "https://batchwise.ai/tools/cea-grid-emission-factor-lookup/", "2025-11", A, "Central Electricity Authority figure, relayed; 0.712 t/MWh = 712 kg/MWh (0.727 in FY 2023-24 per V20.0)"),
    src("india-inr-wacc", "A rupee cost of capital for an Indian data centre: about 9.5% (65% debt at 9.2–9.9% less 25% tax, 35% equity at 13–14%)", "https://economictimes.indiatimes.com/industry/banking/finance/banking/digital-edge-dc-in-talks-to-raise-2400-cr-for-mumbai-project/articleshow/117379235.cms", "2025-01", Derived, "Digital Edge's Navi Mumbai term loans 9.2% (15 years) and 9.9% (7 years); Sify's DC loans 9.00–10.50% (SEC filing); market-implied Indian cost of equity 13–14%; 0.65 × 9.5% × 0.75 + 0.35 × 13.5% ≈ 9.4%. A rupee rate on dollar flows: it overstates the cost by the rupee's expected fall against the dollar (about 4.7–5.2% in 2025)"), // facts-v2.md §6
    src("indiaai-rates", "IndiaAI Mission: subsidised Rs 67 per GPU-hour against an average L1 market rate of Rs 115.85", "https://dailydigest360.com/feed/6326059/indiaai-empanelment-gpu-price-reduction-achieved-through-strategic-procurement-in-the-second-round", "2025-09", B, "ET relay: 18,417 GPUs empanelled in round 1, a pool of about 38,000; round 2's L1 up to 10% lower"), // facts-v2.md §6
    src("india-customs", "Servers and GPUs enter India at 0% basic customs duty (ITA-1, HS 8471); IGST 18% recoverable as input credit", "https://rawcompute.in/blog/gst-gpu-imports-india", "2025", C, "the CBIC schedule itself was not retrieved; no change to the capex per accelerator"), // facts-v2.md §6
    src("india-pue-estimate", "PUE of a new AI data centre in Mumbai: 1.4", "", "2026", Estimate, "no published figure for Indian AI sites; Mumbai's hot, humid climate needs more cooling than US hyperscale sites at 1.1–1.3, so we take the upper end of new large facilities (Uptime: ≤1.3) plus 0.1"),
    src("fx-inr", "Rs 88.7 per US dollar (November 2025)", "https://www.ibef.org/news/india-among-top-data-centre-markets-mumbai-costs-among-lowest-globally", "2025-11-10", Derived, "the rate implied by IBEF's own conversion of the same figures: Rs 589 = $6.64 and Rs 13,83,876 crore = $156 billion give 88.7"),
    src("fx-eur", "€0.857 per US dollar (ECB reference rate $1.1665 per euro, 2025)", "https://utroruse.com/amp/?id=1134215", "2025", B, "ECB reference rate relayed by BTA; 1 / 1.1665 = 0.857; edit the rate for today's"),
    src("rqmc", "Randomized quasi-Monte Carlo: scrambled Halton points with replicated random shifts (Owen, Monte Carlo Theory, Methods and Examples, ch. 17; Faure and Lemieux 2009; Cranley and Patterson 1976)", "https://artowen.su.domains/mc/qmcstuff.pdf", "2023", A, "measured on this model, the same precision of NPV's P5 and P95 from fewer samples than plain draws, with a standard error from 16 independent replicas"), // docs/UNCERTAINTY.md
    src("model-default", "A model setting, not a fact", "", "2026", Estimate, "a switch or simulation setting with no source to cite"),
    src("uncertainty-estimate", "Default uncertainty ranges", "", "2026", Estimate, "symmetric PERT ranges around each preset's value, from the spread of the sources: ±25% on an estimated GPU count, ±20% capex, ±15% power per GPU, ±25% facility cost, ±8% PUE, ±30% energy price, ±15% load, ±3% availability, ±15% WACC, ±20% useful life, residual 0–2×, other opex ±50%, market rent ±30%, its decline from a 20% rise to a 40% fall a year, a rental life ±20%; and one-sided ones for the story's risks: a delay of 0–12 months (mode 2) and a buyer's shortfall of 0–30% (mode 0)"),
];

/// The source with this id. Every id used in the tables exists (a test checks).
pub fn source(id: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Readers see a source by its public title, publisher, date and link:
    /// no title or note names one of our files (issue 29.5).
    #[test]
    fn no_source_names_our_files() {
        for s in SOURCES {
            for text in [s.title, s.note] {
                for ours in [".md", ".json", "docs/", "crates/", "facts"] {
                    assert!(!text.contains(ours), "{}: {ours:?} in {text:?}", s.id);
                }
                assert!(!text.ends_with(':') && !text.starts_with(':'), "{}: {text:?}", s.id);
            }
        }
    }
}
