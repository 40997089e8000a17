package org.skyfleet.fleet.search;

/**
 * Lost-person subject categories, after Koester's "Lost Person Behavior" (2008). Each has its own
 * distance-from-last-known-point statistics in {@link LostPersonStatistics}.
 */
public enum SubjectCategory {
    DEMENTIA,
    CHILD_1_3,
    CHILD_4_6,
    CHILD_7_12,
    CHILD_13_15,
    HIKER,
    DESPONDENT,
    AUTISTIC,
    /** No better-fitting category: a generic adult default. */
    OTHER
}
