"""Thin views of the membership, one module per topic: parse input, load through an accessor (which checks
permission), call one service, respond."""
