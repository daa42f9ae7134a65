//! What each profile assumes when an argument is not given, and the library it names in
//! `ixlib`: one value per profile, so a drop-in for an official library (`imgsign.compat.imgix`,
//! `imgsign/compat/imgix`) takes its defaults and version from here instead of writing them
//! down again (docs/behaviour.md, "Profile defaults").

use crate::profile::{Profile, SrcsetStyle};
use crate::widths::{DEFAULT_MAX_WIDTH, DEFAULT_MIN_WIDTH, DEFAULT_WIDTH_TOLERANCE};

/// The defaults of one [`Profile`]: the fluid srcset range used when `min_width`,
/// `max_width` or `tolerance` is not given, and the library identity written as `ixlib`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ProfileDefaults {
    /// The profile these are the defaults of.
    pub profile: Profile,
    /// Smallest fluid srcset width when none is given; `None` when the profile has no srcset
    /// (imgix-swift).
    pub min_width: Option<u32>,
    /// Largest fluid srcset width when none is given; `None` when the profile has no srcset.
    pub max_width: Option<u32>,
    /// Tolerance between consecutive fluid widths when none is given; `None` when the profile
    /// has no srcset.
    pub tolerance: Option<f64>,
    /// The `ixlib` value the profile writes (`js-3.8.0`, `imgsign-<version>`, ...).
    pub library_param: &'static str,
    /// The version in that value: the official library's version the profile reproduces
    /// (`3.8.0` for imgix-js), imgsign's own for the canonical profile.
    pub library_version: &'static str,
    /// Whether `ixlib` is written when `include_library_param` is not given.
    pub include_library_param: bool,
}

impl Profile {
    /// The profile's defaults and library identity.
    pub fn defaults(self) -> ProfileDefaults {
        let srcset = self.rules().srcset != SrcsetStyle::Unsupported;
        let library_param = self.library_param();
        ProfileDefaults {
            profile: self,
            min_width: srcset.then_some(width(DEFAULT_MIN_WIDTH)),
            max_width: srcset.then_some(width(DEFAULT_MAX_WIDTH)),
            tolerance: srcset.then_some(DEFAULT_WIDTH_TOLERANCE),
            library_param,
            // Every value is `<library>-<version>`; no library name holds a `-`, a version
            // may (a pre-release: `imgsign-0.2.0-rc.1`).
            library_version: library_param.split_once('-').map_or(library_param, |(_, v)| v),
            include_library_param: self.includes_library_param_by_default(),
        }
    }
}

/// Every profile's defaults, in [`Profile::ALL`] order.
pub fn profile_defaults() -> Vec<ProfileDefaults> {
    Profile::ALL.iter().map(|p| p.defaults()).collect()
}

fn width(w: i64) -> u32 {
    u32::try_from(w).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_profile_has_its_own_entry_in_order() {
        let all = profile_defaults();
        assert_eq!(all.iter().map(|d| d.profile).collect::<Vec<_>>(), Profile::ALL.to_vec());
    }

    #[test]
    fn the_version_is_the_tail_of_the_library_param() {
        for d in profile_defaults() {
            assert!(d.library_param.ends_with(&format!("-{}", d.library_version)), "{d:?}");
            let library = &d.library_param[..d.library_param.len() - d.library_version.len() - 1];
            assert!(!d.library_version.is_empty() && !library.is_empty() && !library.contains('-'), "{d:?}");
        }
        assert_eq!(Profile::Canonical.defaults().library_version, crate::VERSION);
    }

    #[test]
    fn a_profile_without_srcset_has_no_srcset_defaults() {
        for d in profile_defaults() {
            let has = crate::target_widths_for(Some(d.profile), None, None, None).is_ok();
            assert_eq!(d.min_width.is_some(), has, "{d:?}");
            assert_eq!(d.max_width.is_some(), has, "{d:?}");
            assert_eq!(d.tolerance.is_some(), has, "{d:?}");
        }
    }

    #[test]
    fn the_defaults_are_what_an_argument_not_given_means() {
        for d in profile_defaults() {
            let (Some(min), Some(max), Some(tol)) = (d.min_width, d.max_width, d.tolerance) else { continue };
            let given = crate::target_widths_for(
                Some(d.profile),
                Some(f64::from(min)),
                Some(f64::from(max)),
                Some(tol),
            );
            assert_eq!(crate::target_widths_for(Some(d.profile), None, None, None), given, "{d:?}");
        }
    }
}
