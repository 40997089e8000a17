/**
 * The store port: what must outlive a restart of the control plane (incidents with their timelines,
 * the audit chain, sightings, unit assignments, control leases, each vehicle's position history), one
 * interface per aggregate, gathered by {@link org.skyfleet.fleet.store.Store}. A port whose domain keeps its
 * own records (incidents, missions, leases, the audit chain, zones) lives in that domain's package, so the
 * dependency points one way: this package knows the domains, they do not know it.
 *
 * <p>The rule every implementation keeps: a call that returns has made its write durable, so a caller
 * may acknowledge it. {@link org.skyfleet.fleet.store.InMemoryStore} is the fake for tests;
 * {@link org.skyfleet.fleet.store.jdbc.JdbcStore} is the adapter (embedded H2 or PostgreSQL).
 */
package org.skyfleet.fleet.store;
