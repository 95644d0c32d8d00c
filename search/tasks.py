from django_tasks import task


@task()
def replay_search_queue():
    from .backends.queue import replay

    return replay()
