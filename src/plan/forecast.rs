//! Where an indicator is heading: a least-squares line through its figures so far.

use chrono::NaiveDate;

/// The value the straight line through `series` reaches on `day`; `None` with fewer than two
/// distinct days.
pub fn linear_at(series: &[(NaiveDate, f64)], day: NaiveDate) -> Option<f64> {
    let origin = series.first()?.0;
    let points: Vec<(f64, f64)> = series
        .iter()
        .map(|(d, v)| ((*d - origin).num_days() as f64, *v))
        .collect();
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let spread: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    if spread == 0.0 {
        return None;
    }
    let slope = points
        .iter()
        .map(|p| (p.0 - mean_x) * (p.1 - mean_y))
        .sum::<f64>()
        / spread;
    let x = (day - origin).num_days() as f64;
    Some(mean_y + slope * (x - mean_x))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_straight_line_is_extended() {
        let series = [
            (day("2026-01-01"), 10.0),
            (day("2026-01-11"), 20.0),
            (day("2026-01-21"), 30.0),
        ];
        assert_eq!(linear_at(&series, day("2026-01-31")), Some(40.0));
    }

    #[test]
    fn scattered_points_give_the_least_squares_line() {
        let series = [
            (day("2026-01-01"), 1.0),
            (day("2026-01-02"), 3.0),
            (day("2026-01-03"), 2.0),
        ];
        // Slope 0.5 through the mean (day 1, 2).
        assert_eq!(linear_at(&series, day("2026-01-05")), Some(3.5));
    }

    #[test]
    fn one_point_is_no_trend() {
        assert_eq!(
            linear_at(&[(day("2026-01-01"), 1.0)], day("2026-02-01")),
            None
        );
        assert_eq!(linear_at(&[], day("2026-02-01")), None);
    }
}
