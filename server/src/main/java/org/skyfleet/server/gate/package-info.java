/**
 * The city's gates as the control plane serves them: {@link org.skyfleet.server.gate.GateWatch} samples every
 * position the node holds (vehicles, ground units, fusion tracks, vessels) once a period, runs fleet-core's
 * crossing detector over them, counts, and acts on a watched track's crossing (an alert and the incident's
 * timeline); {@link org.skyfleet.server.gate.GateGrpcService} serves {@code skyfleet.v1.GateService}.
 */
package org.skyfleet.server.gate;
