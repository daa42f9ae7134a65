//! What the benchmark binaries share: reading back the estimates criterion wrote in this run.

use std::path::PathBuf;
use std::time::SystemTime;

/// Where criterion writes its estimates (the rule criterion itself follows).
pub fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(target).join("criterion");
    }
    // <target>/<profile>/deps/<bench binary>
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.ancestors().nth(3).map(|t| t.join("criterion")))
        .unwrap_or_else(|| PathBuf::from("target/criterion"))
}

/// Nanoseconds per iteration measured by this run (`None` when not measured now).
pub fn estimate(id: &str, since: SystemTime) -> Option<f64> {
    let file = criterion_dir().join(id).join("new").join("estimates.json");
    let modified = std::fs::metadata(&file).and_then(|m| m.modified()).ok()?;
    if modified < since {
        return None;
    }
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(file).ok()?).ok()?;
    ["slope", "mean"].iter().find_map(|k| json.get(k)?.get("point_estimate")?.as_f64())
}
