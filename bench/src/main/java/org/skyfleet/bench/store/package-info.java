/** Benchmarks of the store adapters: writes/s on H2 and PostgreSQL, audit appends with several nodes on one database. */
package org.skyfleet.bench.store;
