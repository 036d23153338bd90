package dev.tracelane.tools.anomaly;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code tracelane.monitor.*}: the detectors' thresholds. */
@ConfigurationProperties("tracelane.monitor")
public class MonitorSettings {
    private Duration temperaturePersistence = Duration.ofMinutes(10);
    private Duration temperatureClearAfter = Duration.ofMinutes(5);
    private double temperatureMargin = 0.3;
    private double corridorMeters = 500;
    private double corridorExitMeters = 300;
    private Duration deviationPersistence = Duration.ofSeconds(60);
    private double stopRadiusMeters = 150;
    private Duration unplannedStop = Duration.ofMinutes(20);
    private double knownStopMeters = 1_000;
    private double silenceFactor = 2.5;
    private Duration silenceFloor = Duration.ofMinutes(2);

    public Duration temperaturePersistence() {
        return temperaturePersistence;
    }

    public void setTemperaturePersistence(Duration value) {
        this.temperaturePersistence = value;
    }

    public Duration temperatureClearAfter() {
        return temperatureClearAfter;
    }

    public void setTemperatureClearAfter(Duration value) {
        this.temperatureClearAfter = value;
    }

    public double temperatureMargin() {
        return temperatureMargin;
    }

    public void setTemperatureMargin(double value) {
        this.temperatureMargin = value;
    }

    public double corridorMeters() {
        return corridorMeters;
    }

    public void setCorridorMeters(double value) {
        this.corridorMeters = value;
    }

    public double corridorExitMeters() {
        return corridorExitMeters;
    }

    public void setCorridorExitMeters(double value) {
        this.corridorExitMeters = value;
    }

    public Duration deviationPersistence() {
        return deviationPersistence;
    }

    public void setDeviationPersistence(Duration value) {
        this.deviationPersistence = value;
    }

    public double stopRadiusMeters() {
        return stopRadiusMeters;
    }

    public void setStopRadiusMeters(double value) {
        this.stopRadiusMeters = value;
    }

    public Duration unplannedStop() {
        return unplannedStop;
    }

    public void setUnplannedStop(Duration value) {
        this.unplannedStop = value;
    }

    public double knownStopMeters() {
        return knownStopMeters;
    }

    public void setKnownStopMeters(double value) {
        this.knownStopMeters = value;
    }

    public double silenceFactor() {
        return silenceFactor;
    }

    public void setSilenceFactor(double value) {
        this.silenceFactor = value;
    }

    public Duration silenceFloor() {
        return silenceFloor;
    }

    public void setSilenceFloor(Duration value) {
        this.silenceFloor = value;
    }
}
