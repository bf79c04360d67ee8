"""Hypothesis profiles: thorough by default, quick with --hypothesis-profile=quick."""

from hypothesis import settings

settings.register_profile("quick", max_examples=20, stateful_step_count=10)
