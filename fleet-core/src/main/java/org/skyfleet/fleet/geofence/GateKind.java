package org.skyfleet.fleet.geofence;

/**
 * What kind of place a gate zone guards. The first four are a city's big gates (城市大门): the ways into the
 * city by road, sea, rail and air. The other fourteen are the small gates (小门) of the places people live,
 * work, learn and shop in. No public, authoritative list of Ningbo's fourteen small-gate kinds was found when
 * this was written (docs/command-centre.md says what was searched); this list is the one SkyFleet chose, and
 * adding a kind is adding a constant here and in the proto.
 */
public enum GateKind {
    TOLL_STATION(ZoneCategory.CITY_GATE),
    PORT(ZoneCategory.CITY_GATE),
    RAILWAY_STATION(ZoneCategory.CITY_GATE),
    AIRPORT(ZoneCategory.CITY_GATE),
    RESIDENTIAL_COMMUNITY(ZoneCategory.SMALL_GATE),
    VILLAGE(ZoneCategory.SMALL_GATE),
    COMPANY(ZoneCategory.SMALL_GATE),
    SCHOOL(ZoneCategory.SMALL_GATE),
    MARKET(ZoneCategory.SMALL_GATE),
    HOSPITAL(ZoneCategory.SMALL_GATE),
    GOVERNMENT_OFFICE(ZoneCategory.SMALL_GATE),
    SHOPPING_MALL(ZoneCategory.SMALL_GATE),
    HOTEL(ZoneCategory.SMALL_GATE),
    CONSTRUCTION_SITE(ZoneCategory.SMALL_GATE),
    ENTERTAINMENT_VENUE(ZoneCategory.SMALL_GATE),
    RENTAL_HOUSING(ZoneCategory.SMALL_GATE),
    PARK(ZoneCategory.SMALL_GATE),
    LOGISTICS_DEPOT(ZoneCategory.SMALL_GATE);

    private final ZoneCategory category;

    GateKind(ZoneCategory category) {
        this.category = category;
    }

    /** {@link ZoneCategory#CITY_GATE} or {@link ZoneCategory#SMALL_GATE}. */
    public ZoneCategory category() {
        return category;
    }
}
