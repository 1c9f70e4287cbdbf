//! Stage timings for profiling: `SACHHON_TIMINGS=1` prints, after each build stage, its wall
//! time, the processor time it used and the memory held (read from /proc on Linux, assuming the
//! usual 4 KiB pages and 100 clock ticks per second; elsewhere the figures read 0).

use std::io::Write;

/// Prints how long each stage took, the processor time it used and the memory held after it,
/// when `SACHHON_TIMINGS` is set (for profiling).
pub(super) struct Timer {
    last: Option<(std::time::Instant, u64)>,
}

impl Timer {
    pub(super) fn new() -> Self {
        Timer {
            last: std::env::var_os("SACHHON_TIMINGS")
                .map(|_| (std::time::Instant::now(), Self::cpu_ms())),
        }
    }

    /// Prints the figures of the stage that just ended.
    pub(super) fn lap(&mut self, stage: &str) {
        if let Some((wall, cpu)) = self.last {
            let now = Self::cpu_ms();
            // Resident memory, from the second field of /proc/self/statm (in 4 KiB pages).
            let resident = std::fs::read_to_string("/proc/self/statm")
                .ok()
                .and_then(|s| s.split(' ').nth(1)?.parse::<u64>().ok())
                .map_or(0, |pages| pages * 4 / 1024);
            // A closed stderr loses the line, never the build.
            let _ = writeln!(
                std::io::stderr(),
                "timing: {stage:<20} {:>6} ms wall {:>6} ms cpu {resident:>6} MiB",
                wall.elapsed().as_millis(),
                now.saturating_sub(cpu),
            );
            self.last = Some((std::time::Instant::now(), now));
        }
    }

    /// Processor time of the process so far (user and system, fields 14 and 15 of
    /// /proc/self/stat, in clock ticks of 10 ms).
    fn cpu_ms() -> u64 {
        let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .map_or("", |(_, rest)| rest)
            .split(' ')
            .collect();
        let ticks = |i: usize| {
            fields
                .get(i)
                .and_then(|f| f.parse::<u64>().ok())
                .unwrap_or(0)
        };
        // After the command name: state is field 3, so utime (14) and stime (15) sit at 12, 13.
        (ticks(12) + ticks(13)) * 10
    }
}
