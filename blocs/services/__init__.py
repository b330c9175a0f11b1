"""Every write of the blocs app, one module per topic. Each service is keyword-only, atomic and audited."""
