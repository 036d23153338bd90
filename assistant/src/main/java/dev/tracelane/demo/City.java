package dev.tracelane.demo;

/** A real city the demo ships between. */
record City(String name, LatLon at) {
}
