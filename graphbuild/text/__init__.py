"""Text before the model: case restoration and article structure (all length-preserving)."""
