/** The {@code skyfleet} command line: serve, demo, clients (vehicles, watch) and benchmarks. */
package org.skyfleet.app.cli;
