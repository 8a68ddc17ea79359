module com.acme.gexplugin {
  requires io.gex.alerts; // brings io.gex.core with it

  provides io.gex.alerts.AlertRule with
      com.acme.gexplugin.PutDominanceRule;
}
