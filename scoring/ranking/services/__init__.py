"""Services of scorecards (``scorecards``) and rankings with their publication and objections (``rankings``)."""
