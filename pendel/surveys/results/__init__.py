"""Survey results. Every path (page, chart, export, API) starts from `wave_results`,
`location_trend` or `pooled_results`, which pass every table through `protect()`."""

from pendel.surveys.results.build import Results, location_trend, min_size_of, wave_results
from pendel.surveys.results.pooled import pooled_results
from pendel.surveys.results.tables import protect

__all__ = [
    "Results",
    "location_trend",
    "min_size_of",
    "pooled_results",
    "protect",
    "wave_results",
]
