//! Admin1 and admin2 names of places, from GeoNames' own administrative units.
//!
//! Conflict data sets (ACLED-style) code a location by its first-level unit (a region) and its
//! second-level unit (a Malian cercle, a Burkinabè province, a Nigerien department). The names here
//! are those of GeoNames' ADM1 and ADM2 rows, without the unit word ("Province du Yatenga" →
//! "Yatenga", [`admin_short_name`](crate::gazetteer::geonames::admin_short_name)), for every place,
//! curated or from the GeoNames layer, so that one unit has one name in every export.
//!
//! How a place finds its units — no per-entity field is stored: the place's **parent chain** is
//! walked (the place itself first, then its `parent`, its parent's parent...) to the first entity
//! whose GeoNames id is an ADM2 or ADM1 unit of the embedded table (`src/admin_units.tsv`, the ADM1
//! and ADM2 rows of the GeoNames dumps, written by `sahel-tagger gazetteer admin-units`). An ADM2 unit
//! gives admin2 and, by its row's ADM1 code, admin1; an ADM1 unit gives admin1 only. The GeoNames
//! layer generator hangs each village under its ADM2 unit when its row has an ADM2 code (under its
//! ADM1 unit otherwise), by the curated id when the curated gazetteer has the unit; the curated
//! places' chains are checked against the dumps by `tests/admin.rs`.
//!
//! Why the table is embedded rather than read from the dumps: the curated gazetteer works without
//! them (a crates.io build, the Python wheel, `--geonames off`), and so must its admin names. Why
//! GeoNames' units and not the curated parents' names: the curated gazetteer also follows the 2023
//! (Mali) and 2025 (Burkina Faso) reforms whose regions GeoNames does not have yet; GeoNames' units
//! are the ones every layer village carries codes for, so the curated and the layer places agree.
//!
//! GeoNames data is CC BY 4.0, © GeoNames (geonames.org).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::gazetteer::{EntityIndex, Gazetteer};

/// The embedded table (see the [module documentation](self)).
const TABLE: &str = include_str!("admin_units.tsv");

/// One GeoNames administrative unit of the embedded table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AdminUnit {
    /// GeoNames id.
    pub geonames: u64,
    /// ISO 3166-1 alpha-2 country code.
    pub country: &'static str,
    /// 1 (ADM1) or 2 (ADM2).
    pub level: u8,
    /// The row's ADM1 code (the unit's own, for an ADM1 unit).
    pub admin1_code: &'static str,
    /// The unit's name without its unit word.
    pub name: &'static str,
    /// The unit's name as GeoNames writes it.
    pub geonames_name: &'static str,
}

struct Table {
    by_id: FxHashMap<u64, AdminUnit>,
    admin1: FxHashMap<(&'static str, &'static str), AdminUnit>,
}

fn table() -> &'static Table {
    static TABLE_CELL: OnceLock<Table> = OnceLock::new();
    TABLE_CELL.get_or_init(|| {
        let mut by_id = FxHashMap::default();
        let mut admin1 = FxHashMap::default();
        for line in TABLE.lines().filter(|l| !l.starts_with('#')).skip(1) {
            let f: Vec<&'static str> = line.split('\t').collect();
            let (Some(geonames), Some(level)) =
                (f.first().and_then(|id| id.parse().ok()), f.get(2).and_then(|l| l.parse().ok()))
            else {
                continue;
            };
            if f.len() < 7 {
                continue;
            }
            let unit = AdminUnit {
                geonames,
                country: f[1],
                level,
                admin1_code: f[3],
                name: f[5],
                geonames_name: f[6],
            };
            if level == 1 {
                admin1.insert((unit.country, unit.admin1_code), unit);
            }
            by_id.insert(geonames, unit);
        }
        Table { by_id, admin1 }
    })
}

/// The GeoNames ADM1 or ADM2 unit with this GeoNames id, if it is one.
pub fn unit(geonames: u64) -> Option<AdminUnit> {
    table().by_id.get(&geonames).copied()
}

/// The ADM1 unit of a country with this ADM1 code.
pub fn admin1_unit(country: &str, code: &str) -> Option<AdminUnit> {
    table().admin1.get(&(country, code)).copied()
}

/// A place's first- and second-level administrative units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Admin {
    /// The ADM1 unit (region).
    pub admin1: Option<AdminUnit>,
    /// The ADM2 unit (cercle, province, department).
    pub admin2: Option<AdminUnit>,
}

/// The administrative units of an entity, found along its parent chain (itself first). Entities that
/// are not places, or whose chain meets no GeoNames unit, have none.
pub fn admin_of(gazetteer: &Gazetteer, entity: EntityIndex) -> Admin {
    let places = gazetteer
        .parent_chain(entity)
        .map(|index| gazetteer.entity(index))
        .take_while(|e| e.kind == crate::EntityType::Place);
    match places.filter_map(|e| e.geonames.and_then(unit)).next() {
        Some(unit) if unit.level == 2 => {
            Admin { admin1: admin1_unit(unit.country, unit.admin1_code), admin2: Some(unit) }
        }
        Some(unit) => Admin { admin1: Some(unit), admin2: None },
        None => Admin::default(),
    }
}
