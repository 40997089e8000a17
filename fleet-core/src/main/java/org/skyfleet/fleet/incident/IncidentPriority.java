package org.skyfleet.fleet.incident;

/** P1: life at risk now; P2: urgent; P3: routine. */
public enum IncidentPriority {
    P1,
    P2,
    P3
}
